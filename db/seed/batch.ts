// Streams generated rows into a table in batches, so scale 100 never holds millions of objects.
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";

export type Progress = (table: string, rows: number) => void;

/** Inserts rows from a generator in batches; returns the number inserted. */
export async function insertStream<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  name: string,
  rows: Iterable<T["$inferInsert"]>,
  opts: { batchSize?: number; progress?: Progress } = {},
): Promise<number> {
  const size = opts.batchSize ?? 2000;
  let batch: T["$inferInsert"][] = [];
  let n = 0;
  let reported = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      await tx.insert(table).values(batch);
      n += batch.length;
      batch = [];
      if (opts.progress && n - reported >= 50_000) {
        opts.progress(name, n);
        reported = n;
      }
    }
  }
  if (batch.length) {
    await tx.insert(table).values(batch);
    n += batch.length;
  }
  return n;
}
