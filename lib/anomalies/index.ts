// Anomaly rules for the review area. `recomputeFlags(db)` is the entry point for setup and imports.
export { recomputeFlags, computeFlags, type RecomputeResult } from "./recompute";
export { loadAnomalyConfig, DEFAULT_ANOMALY_CONFIG, type AnomalyConfig } from "./config";
export { RULE_NAMES, RULE_TITLES, type RuleName, type Flag } from "./types";
