// The privacy rule functions, one module per rule (see ../shared/docs/privacy.md).
export * from "./suppression";
export * from "./h3";
export * from "./time";
export * from "./path";
export * from "./pseudonym";
export * from "./public-id";
export * from "./sensitive-sites";
