// Every open dataset, in the order /data lists them. Add a dataset: its definition in datasets/,
// its reader in db/queries/public/opendata-*.ts, and one line here and in the readers map.
import { alprSearchesDataset } from "./datasets/alpr-searches";
import { budgetItemsDataset } from "./datasets/budget-items";
import { cameraAccessesDataset } from "./datasets/camera-accesses";
import { camerasDataset } from "./datasets/cameras";
import { csoCallsDataset } from "./datasets/cso-calls";
import { droneFlightsDataset } from "./datasets/drone-flights";
import { findingsCountsDataset } from "./datasets/findings-counts";
import { privateCamerasDataset } from "./datasets/private-cameras";
import { publicationsDataset } from "./datasets/publications";
import type { DatasetDef } from "./types";

export const datasets: DatasetDef[] = [
  droneFlightsDataset,
  cameraAccessesDataset,
  camerasDataset,
  privateCamerasDataset,
  alprSearchesDataset,
  csoCallsDataset,
  budgetItemsDataset,
  findingsCountsDataset,
  publicationsDataset,
];

export function getDataset(slug: string): DatasetDef | undefined {
  return datasets.find((d) => d.slug === slug);
}
