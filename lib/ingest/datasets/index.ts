// The dataset registry: every import target by name.
import type { Dataset } from "../types";
import type { DatasetSpec } from "./common";
import { alprDailySpec, alprSearchesSpec } from "./alpr";
import { cameraAccessSpec } from "./camera-access";
import { camerasSpec } from "./cameras";
import { csoSpec } from "./cso";
import { flightsSpec } from "./flights";

export const datasetSpecs: Record<Dataset, DatasetSpec<never>> = {
  flights: flightsSpec as DatasetSpec<never>,
  camera_access: cameraAccessSpec as DatasetSpec<never>,
  alpr_searches: alprSearchesSpec as DatasetSpec<never>,
  alpr_daily: alprDailySpec as DatasetSpec<never>,
  cso_activities: csoSpec as DatasetSpec<never>,
  cameras: camerasSpec as DatasetSpec<never>,
};
