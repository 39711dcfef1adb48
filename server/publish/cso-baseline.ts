import "server-only";
// Where the CSO program keeps its pre-pilot baseline between publications (./kept-baseline.ts):
// its change log is filled by the triggers of migration 0038 on CSO rows of baseline_responses.
import type { BaselineStore } from "./kept-baseline";
import type { Baseline } from "./cso-rollups";
import { loadBaseline } from "./cso-source";

export const csoBaseline: BaselineStore<Baseline> = {
  kept: "publish_part_cso_baseline",
  changes: "publish_cso_baseline_changes",
  format: 1,
  compute: loadBaseline,
};
