import "server-only";
// A program's pre-pilot baseline depends only on its rows of baseline_responses, the call
// categories' labels and the zone, never on its events: an incremental publication reuses the
// baseline computed last (kept in a publish_part_<program>_baseline table) while no change to
// those rows is logged (publish_<program>_baseline_changes, filled by triggers: migrations 0038 for
// CSO, 0039 for drones) and the categories and zone are the same. A full publication always
// computes it again. One module for every program that keeps one (drones, CSO).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import type { Scope } from "../../lib/publish/incremental";

export type KeptBaseline<T> = {
  baseline: T;
  /** Set when computed afresh: what to keep for the next publication (keepBaseline). */
  fresh?: { key: string; seen: number[] };
};

/** Where a program keeps its baseline, and how it computes one. */
export type BaselineStore<T> = {
  /** The table holding the kept baseline (key, baseline). */
  kept: string;
  /** The change log of the program's baseline_responses rows (id). */
  changes: string;
  /** Bump when `compute` computes something else from the same rows. */
  format: number;
  compute(tx: DbOrTx, timeZone: string): Promise<T>;
};

async function keyOf(tx: DbOrTx, timeZone: string, format: number): Promise<string> {
  const [{ h }] = await queryRows<{ h: string }>(
    tx,
    sql`select md5(coalesce(string_agg(c::text, '|' order by c::text), '')) as h from call_categories c`,
  );
  return createHash("sha256")
    .update(JSON.stringify({ FORMAT: format, timeZone, categories: h }))
    .digest("hex");
}

/** The baseline for a publication: the kept one when it still holds, else computed from the rows. */
export async function baselineFor<T>(
  tx: DbOrTx,
  store: BaselineStore<T>,
  timeZone: string,
  scope: Scope,
): Promise<KeptBaseline<T>> {
  const key = await keyOf(tx, timeZone, store.format);
  const seen = (
    await queryRows<{ id: string }>(tx, sql`select id::text as id from ${sql.identifier(store.changes)}`)
  ).map((r) => Number(r.id));
  if (!scope.full && seen.length === 0) {
    const [kept] = await queryRows<{ baseline: string }>(
      tx,
      sql`select baseline from ${sql.identifier(store.kept)} where key = ${key}`,
    );
    if (kept) return { baseline: JSON.parse(kept.baseline) as T };
  }
  return { baseline: await store.compute(tx, timeZone), fresh: { key, seen } };
}

/**
 * Keeps a freshly computed baseline for the next publication and removes the changes it has seen,
 * inside the publication's transaction (changes logged since stay, and make the next one compute it).
 */
export async function keepBaseline<T>(tx: DbOrTx, store: BaselineStore<T>, r: KeptBaseline<T>): Promise<void> {
  if (!r.fresh) return;
  await tx.execute(sql`delete from ${sql.identifier(store.kept)}`);
  await tx.execute(
    sql`insert into ${sql.identifier(store.kept)} (key, baseline) values (${r.fresh.key}, ${JSON.stringify(r.baseline)})`,
  );
  if (r.fresh.seen.length)
    await tx.execute(
      sql`delete from ${sql.identifier(store.changes)} where id = any(${`{${r.fresh.seen.join(",")}}`}::bigint[])`,
    );
}
