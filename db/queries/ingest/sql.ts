import "server-only";
// Set-based upserts for imports: a batch travels as one JSON parameter and is unpacked by
// json_to_recordset, so 2,000 rows cost one round trip on postgres.js and PGlite alike.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { ident, queryRows } from "../../sql";

export type UpsertSpec = {
  table: string;
  /** [column, postgres type] in insert order. */
  columns: [string, string][];
  conflict: string[];
  /** Columns not compared or copied on update (e.g. created_at). */
  insertOnly?: string[];
  /** Extra assignments when a row really changes (e.g. updated_at = now()). */
  touch?: string;
};

/** Inserts new rows, updates changed ones, leaves identical ones alone; returns the counts. */
export async function upsertBatch(tx: DbOrTx, spec: UpsertSpec, rows: Record<string, unknown>[]): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const names = spec.columns.map(([c]) => ident(c)).join(", ");
  const recordType = spec.columns.map(([c, t]) => `${ident(c)} ${t}`).join(", ");
  const updatable = spec.columns.map(([c]) => c).filter((c) => !spec.conflict.includes(c) && !spec.insertOnly?.includes(c));
  const set = updatable.map((c) => `${ident(c)} = excluded.${ident(c)}`).concat(spec.touch ? [spec.touch] : []).join(", ");
  const distinct = `(${updatable.map((c) => `t.${ident(c)}`).join(", ")}) is distinct from (${updatable.map((c) => `excluded.${ident(c)}`).join(", ")})`;
  const onConflict = updatable.length
    ? `on conflict (${spec.conflict.map(ident).join(", ")}) do update set ${set} where ${distinct}`
    : `on conflict (${spec.conflict.map(ident).join(", ")}) do nothing`;
  const query = sql`with w as (
    insert into ${sql.raw(ident(spec.table))} as t (${sql.raw(names)})
    select ${sql.raw(names)} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(recordType)})
    ${sql.raw(onConflict)}
    returning (xmax = 0) as ins
  ) select (count(*) filter (where ins))::int as inserted, (count(*) filter (where not ins))::int as updated from w`;
  const [r] = await queryRows<{ inserted: number; updated: number }>(tx, query);
  return { inserted: Number(r.inserted), updated: Number(r.updated) };
}
