import "server-only";
// The drones' pre-pilot baseline depends only on the drone rows of baseline_responses, the call
// categories' labels and the zone, never on the flights: an incremental publication reuses the
// rollups computed last (publish_part_drones_baseline) while no change to those rows is logged
// (publish_drones_baseline_changes, filled by a trigger, migration 0039) and the categories and
// zone are the same. A full publication always computes them again.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { queryRows } from "../../../db/sql";
import type { Scope } from "../../../lib/publish/incremental";
import { baselineRollups, type BaselineRollups } from "./rollups";

/** Bump when baselineRollups computes something else from the same rows. */
const FORMAT = 1;

export type BaselineResult = {
  baseline: BaselineRollups;
  /** Set when computed afresh: what to keep for the next publication (keepBaseline). */
  fresh?: { key: string; seen: number[] };
};

async function keyOf(tx: DbOrTx, timeZone: string): Promise<string> {
  const [{ h }] = await queryRows<{ h: string }>(
    tx,
    sql`select md5(coalesce(string_agg(c::text, '|' order by c::text), '')) as h from call_categories c`,
  );
  return createHash("sha256")
    .update(JSON.stringify({ FORMAT, timeZone, categories: h }))
    .digest("hex");
}

/** The baseline rollups for a publication: the kept ones when they still hold, else computed from the rows. */
export async function baselineFor(tx: DbOrTx, timeZone: string, scope: Scope): Promise<BaselineResult> {
  const key = await keyOf(tx, timeZone);
  const seen = (
    await queryRows<{ id: string }>(tx, sql`select id::text as id from publish_drones_baseline_changes`)
  ).map((r) => Number(r.id));
  if (!scope.full && seen.length === 0) {
    const [kept] = await queryRows<{ baseline: string }>(
      tx,
      sql`select baseline from publish_part_drones_baseline where key = ${key}`,
    );
    if (kept) return { baseline: JSON.parse(kept.baseline) as BaselineRollups };
  }
  return { baseline: await baselineRollups(tx, timeZone), fresh: { key, seen } };
}

/**
 * Keeps freshly computed baseline rollups for the next publication and removes the changes they
 * have seen, inside the publication's transaction (changes logged since stay, and make the next one
 * compute them again).
 */
export async function keepBaseline(tx: DbOrTx, r: BaselineResult): Promise<void> {
  if (!r.fresh) return;
  await tx.execute(sql`delete from publish_part_drones_baseline`);
  await tx.execute(
    sql`insert into publish_part_drones_baseline (key, baseline) values (${r.fresh.key}, ${JSON.stringify(r.baseline)})`,
  );
  if (r.fresh.seen.length)
    await tx.execute(
      sql`delete from publish_drones_baseline_changes where id = any(${`{${r.fresh.seen.join(",")}}`}::bigint[])`,
    );
}
