// Risk scores: a record's score is the sum of its rules' weights (config/anomalies.json), a
// person's the sum over their flagged records. Rules with no weight count 1.
import type { AnomalyConfig } from "./config";

export function ruleWeight(rule: string, cfg: Pick<AnomalyConfig, "weights">): number {
  return cfg.weights[rule] ?? 1;
}

export function recordScore(rules: string[], cfg: Pick<AnomalyConfig, "weights">): number {
  return [...new Set(rules)].reduce((sum, r) => sum + ruleWeight(r, cfg), 0);
}
