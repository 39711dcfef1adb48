// Every open dataset, in the order /data lists them (OPEN_DATASETS in lib/vocab.ts). Add a
// dataset: its slug there, its definition in datasets/, its reader in db/queries/public/opendata-*.ts;
// this map and the readers map fail to compile until both exist.
import { alprSearchesDataset } from "./datasets/alpr-searches";
import { budgetItemsDataset } from "./datasets/budget-items";
import { cameraAccessesDataset } from "./datasets/camera-accesses";
import { camerasDataset } from "./datasets/cameras";
import { csoCallsDataset } from "./datasets/cso-calls";
import { droneFlightsDataset } from "./datasets/drone-flights";
import { findingsCountsDataset } from "./datasets/findings-counts";
import { privateCamerasDataset } from "./datasets/private-cameras";
import { publicationsDataset } from "./datasets/publications";
import { OPEN_DATASETS, type OpenDataset } from "../vocab";
import type { DatasetDef } from "./types";

const bySlug = {
  "drone-flights": droneFlightsDataset,
  "camera-accesses": cameraAccessesDataset,
  cameras: camerasDataset,
  "private-cameras-by-area": privateCamerasDataset,
  "plate-reader-searches": alprSearchesDataset,
  "cso-calls": csoCallsDataset,
  "budget-items": budgetItemsDataset,
  "findings-counts": findingsCountsDataset,
  publications: publicationsDataset,
} satisfies Record<OpenDataset, DatasetDef>;

export const datasets: DatasetDef[] = OPEN_DATASETS.map((slug) => bySlug[slug]);

export function getDataset(slug: string): DatasetDef | undefined {
  return datasets.find((d) => d.slug === slug);
}
