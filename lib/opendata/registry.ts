// Every open dataset, in the order /data lists them. Add a dataset: its definition in datasets/,
// its reader in db/queries/public/opendata-*.ts, and one line here and in the readers map.
import { budgetItemsDataset } from "./datasets/budget-items";
import { droneFlightsDataset } from "./datasets/drone-flights";
import { findingsCountsDataset } from "./datasets/findings-counts";
import { publicationsDataset } from "./datasets/publications";
import type { DatasetDef } from "./types";

export const datasets: DatasetDef[] = [droneFlightsDataset, budgetItemsDataset, findingsCountsDataset, publicationsDataset];

export function getDataset(slug: string): DatasetDef | undefined {
  return datasets.find((d) => d.slug === slug);
}
