import "server-only";
// How many rows of a publisher's log match a filter. Unfiltered, the answer is the row count the
// publisher recorded with the table, in the same transaction (pub_datasets.rows): at a large city
// counting 10 million published plate searches took a quarter of a second for every first reader.
import { eq, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { pubDatasets } from "@/db/schema";

/** The publishers whose pub_datasets.rows is their log table's row count (server/publish/dataset.ts). */
export type LogDataset = "drones" | "cameras" | "alpr" | "cso";

export async function logRows(
  db: DbOrTx,
  dataset: LogDataset,
  table: PgTable,
  where: SQL | undefined,
): Promise<number> {
  if (!where) {
    const [r] = await db.select({ n: pubDatasets.rows }).from(pubDatasets).where(eq(pubDatasets.dataset, dataset));
    // Not yet published: the table is empty or being filled by the first publication; count it.
    if (r) return Number(r.n);
  }
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return Number(r.n);
}
