import "server-only";
// The pre-pilot baseline depends only on the CSO rows of baseline_responses, the call categories'
// labels and the zone, never on the calls: an incremental publication reuses the one computed last
// (publish_part_cso_baseline) while no change to those rows is logged (publish_cso_baseline_changes,
// filled by a trigger, migration 0038) and the categories and zone are the same. A full
// publication always computes it again.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import type { Scope } from "../../lib/publish/incremental";
import type { Baseline } from "./cso-rollups";
import { loadBaseline } from "./cso-source";

/** Bump when loadBaseline computes something else from the same rows. */
const FORMAT = 1;

export type BaselineResult = {
  baseline: Baseline;
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

/** The baseline for a publication: the kept one when it still holds, else computed from the rows. */
export async function baselineFor(tx: DbOrTx, timeZone: string, scope: Scope): Promise<BaselineResult> {
  const key = await keyOf(tx, timeZone);
  const seen = (await queryRows<{ id: string }>(tx, sql`select id::text from publish_cso_baseline_changes`)).map((r) =>
    Number(r.id),
  );
  if (!scope.full && seen.length === 0) {
    const [kept] = await queryRows<{ baseline: string }>(
      tx,
      sql`select baseline from publish_part_cso_baseline where key = ${key}`,
    );
    if (kept) return { baseline: JSON.parse(kept.baseline) as Baseline };
  }
  return { baseline: await loadBaseline(tx, timeZone), fresh: { key, seen } };
}

/**
 * Keeps a freshly computed baseline for the next publication and removes the changes it has seen,
 * inside the publication's transaction (changes logged since stay, and make the next one compute it).
 */
export async function keepBaseline(tx: DbOrTx, r: BaselineResult): Promise<void> {
  if (!r.fresh) return;
  await tx.execute(sql`delete from publish_part_cso_baseline`);
  await tx.execute(
    sql`insert into publish_part_cso_baseline (key, baseline) values (${r.fresh.key}, ${JSON.stringify(r.baseline)})`,
  );
  if (r.fresh.seen.length)
    await tx.execute(
      sql`delete from publish_cso_baseline_changes where id = any(${`{${r.fresh.seen.join(",")}}`}::bigint[])`,
    );
}
