export { loadAnomalyConfig, DEFAULT_ANOMALY_CONFIG, type AnomalyConfig } from "./config";
export { RULE_NAMES, RULE_TITLES, type RuleName, type Flag } from "./types";
