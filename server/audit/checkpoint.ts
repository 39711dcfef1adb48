import "server-only";
// The daily checkpoint: the chain head's hash and row count, published so anyone can later
// check that history before it was not rewritten.
import { isoDateIn } from "../../lib/format/intl";
import { count, desc, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { auditCheckpoints, auditLog } from "../../db/schema";

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

/** The calendar day (YYYY-MM-DD) of `at` in the city's time zone. */
export function localDay(at: Date, timeZone: string): string {
  return isoDateIn(at, timeZone);
}

/**
 * Records today's checkpoint (the latest of the day wins if taken more than once).
 * Returns null when the log is empty.
 */
export async function takeCheckpoint(db: DbOrTx, opts: { timeZone: string; at?: Date }): Promise<Checkpoint | null> {
  return db.transaction(async (tx) => {
    // Same lock as appends: the head and the count must describe one moment of the chain.
    await tx.execute(sql`select pg_advisory_xact_lock(4711000001)`);
    const [head] = await tx
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    if (!head) return null;
    const [{ n }] = await tx.select({ n: count() }).from(auditLog);
    const values = {
      day: localDay(opts.at ?? new Date(), opts.timeZone),
      headId: head.id,
      headHash: head.hash,
      rowCount: Number(n),
    };
    const [row] = await tx
      .insert(auditCheckpoints)
      .values(values)
      .onConflictDoUpdate({
        target: auditCheckpoints.day,
        set: { headId: values.headId, headHash: values.headHash, rowCount: values.rowCount, createdAt: new Date() },
      })
      .returning();
    return row;
  });
}
