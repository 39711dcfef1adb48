// Every open dataset, in the order /data lists them. Add a dataset: its definition in datasets/,
// its reader in db/queries/public/opendata-*.ts, and one line here and in the readers map.
import { budgetItemsDataset } from "./datasets/budget-items";
import { publicationsDataset } from "./datasets/publications";
import type { DatasetDef } from "./types";

export const datasets: DatasetDef[] = [budgetItemsDataset, publicationsDataset];

export function getDataset(slug: string): DatasetDef | undefined {
  return datasets.find((d) => d.slug === slug);
}
