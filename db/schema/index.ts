export * from "./reference";
export * from "./drones";
export * from "./cameras";
export * from "./cso";
export * from "./auth";
export * from "./content";
export * from "./review";
export * from "./published";
