import "server-only";
// The recompute's new flags, written as the rules produce them to a temporary table, then merged
// into anomaly_flags: only the differences reach it (server/anomalies/recompute.ts).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { anomalyFlags } from "../../schema";
import { insertJsonRows, queryRows } from "../../sql";
import type { Flag } from "../../../lib/anomalies/types";

/**
 * Creates daylight_flags_next for this transaction (dropped at commit). Its key is a flag's: each
 * rule flags a record at most once, so a second flag for the same record and rule is a bug and
 * fails the recompute instead of silently replacing the first.
 */
export async function createNextFlags({ tx }: { tx: DbOrTx }): Promise<void> {
  await tx.execute(sql`create temporary table daylight_flags_next (record_type review_record_type not null, record_id bigint not null,
    rule text not null, explanation text not null, details jsonb not null, occurred_at timestamptz not null,
    computed_at timestamptz not null, primary key (record_type, record_id, rule)) on commit drop`);
}

/** Appends flags to daylight_flags_next (as JSON chunks, db/sql.ts). */
export async function writeNextFlags({ tx, flags, computedAt }: { tx: DbOrTx; flags: Flag[]; computedAt: Date }) {
  await insertJsonRows(
    tx,
    anomalyFlags,
    flags.map((f) => ({ ...f, computedAt })),
    { into: "daylight_flags_next" },
  );
}

/** The new flags per rule. */
export async function countNextFlags({ tx }: { tx: DbOrTx }): Promise<Record<string, number>> {
  const rows = await queryRows<{ rule: string; n: number }>(
    tx,
    sql`select rule, count(*)::int as n from daylight_flags_next group by rule order by rule`,
  );
  return Object.fromEntries(rows.map((r) => [r.rule, r.n]));
}

/**
 * Brings anomaly_flags to daylight_flags_next: a flag whose record no longer breaks its rule goes,
 * a new one comes, a changed one is updated, and the rest (at scale 100, 1.3 million) are left as
 * they are, not deleted and written again on every import.
 */
export async function applyNextFlags({ tx }: { tx: DbOrTx }): Promise<void> {
  await tx.execute(sql`delete from anomaly_flags f where not exists (select 1 from daylight_flags_next n
    where n.record_type = f.record_type and n.record_id = f.record_id and n.rule = f.rule)`);
  await tx.execute(sql`insert into anomaly_flags as f (record_type, record_id, rule, explanation, details, occurred_at, computed_at)
    select record_type, record_id, rule, explanation, details, occurred_at, computed_at from daylight_flags_next
    on conflict (record_type, record_id, rule) do update set explanation = excluded.explanation, details = excluded.details,
      occurred_at = excluded.occurred_at, computed_at = excluded.computed_at
    where (f.explanation, f.details, f.occurred_at) is distinct from (excluded.explanation, excluded.details, excluded.occurred_at)`);
}
