import "server-only";
// Reading a big query a batch at a time through a server-side cursor, so a caller holds one batch
// of rows, never the whole result. A cursor lives only inside a transaction: pass one.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { queryRows } from "../../sql";

let next = 0;

/** Runs `query` and hands its rows to `onBatch` `batchSize` at a time, in the query's order. */
export async function eachBatch<T extends Record<string, unknown>>(
  tx: DbOrTx,
  query: SQL,
  onBatch: (rows: T[]) => void | Promise<void>,
  batchSize = 50_000,
): Promise<void> {
  const name = sql.raw(`daylight_cursor_${++next}`);
  // Plan for the whole result, not its first rows: the default (0.1) picks index scans that read
  // a big table in random order instead of one scan and a sort.
  await tx.execute(sql`set local cursor_tuple_fraction = 1`);
  await tx.execute(sql`declare ${name} no scroll cursor for ${query}`);
  const fetch = () => {
    const p = queryRows<T>(tx, sql`fetch forward ${sql.raw(String(batchSize))} from ${name}`);
    p.catch(() => {}); // awaited below; not unhandled if onBatch fails first
    return p;
  };
  let pending = fetch();
  for (;;) {
    const rows = await pending;
    const more = rows.length === batchSize;
    // The server reads the next batch while this one is processed.
    if (more) pending = fetch();
    if (rows.length > 0) await onBatch(rows);
    if (!more) break;
  }
  // On an error the transaction's rollback closes it.
  await tx.execute(sql`close ${name}`);
}
