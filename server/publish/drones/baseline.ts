import "server-only";
// Where the drones keep their baseline rollups between publications (../kept-baseline.ts): the
// change log is filled by the triggers of migration 0039 on drone rows of baseline_responses.
import type { BaselineStore } from "../kept-baseline";
import { baselineRollups, type BaselineRollups } from "./rollups";

export const dronesBaseline: BaselineStore<BaselineRollups> = {
  kept: "publish_part_drones_baseline",
  changes: "publish_drones_baseline_changes",
  format: 1,
  compute: baselineRollups,
};
