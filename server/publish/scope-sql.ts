import "server-only";
// Writing a dataset's published rows for a publication's scope (server/publish/changes.ts): the
// whole table rebuilt beside the served one, or, incrementally, the rows of some local dates
// replaced in the served table; and refreshing the cells of the rows left as they are.
import { getResolution } from "h3-js";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import { ident, queryRows } from "../../db/sql";
import { dayRanges, type Scope } from "../../lib/publish/incremental";
import { publicIdMaker } from "../../lib/publish/rules/public-id";
import { localDateSql } from "./camera-sql";

const dateArray = (days: string[]) => sql`${`{${days.join(",")}}`}::date[]`;

/**
 * A condition (with its leading "and") keeping the records whose local date at `col` is one of the
 * scope's dates; nothing for a full scope. Ranges on the instant itself let an index find them.
 */
export function inScopeSql(col: SQL, tz: string, scope: Scope | undefined): SQL {
  if (!scope || scope.full) return sql``;
  if (scope.days.length === 0) return sql` and false`;
  const ranges = dayRanges(scope.days, tz).map(
    (r) => sql`(${col} >= ${r.from.toISOString()}::timestamptz and ${col} < ${r.to.toISOString()}::timestamptz)`,
  );
  return sql` and (${sql.join(ranges, sql` or `)}) and ${localDateSql(col, tz)} = any(${dateArray(scope.days)})`;
}

/**
 * Writes `table`'s published rows: rebuilt beside the served table (a full scope; see
 * ShadowTables.createAs), or the scope's dates replaced in place (`select` must be limited to them,
 * with inScopeSql). Returns the table's row count.
 */
export function writeRows(
  shadow: ShadowTables,
  table: string,
  columns: string[],
  select: SQL,
  scope: Scope | undefined,
  opts: Parameters<ShadowTables["createAs"]>[3] = {},
): Promise<number> {
  if (!scope || scope.full) return shadow.createAs(table, columns, select, opts);
  return shadow.replaceDays(table, columns, select, scope.days);
}

/**
 * Incremental publication: brings the generalized cells of the rows outside the rewritten dates up
 * to date. Cells are decided over the whole record (lib/publish/rules/h3.ts: a sparse cell merges
 * into its parent), so a record added on one date can move another date's record to a finer or
 * coarser cell. `records` are every published record, `cells` their cells by record id (none: no
 * published cell). Returns the rows updated.
 */
export async function refreshCells(
  tx: DbOrTx,
  table: string,
  prefix: string,
  key: string,
  records: { id: number; source: string; externalId: string }[],
  cells: Map<number, string>,
  scope: Scope,
): Promise<number> {
  if (scope.full) return 0;
  const served = await queryRows<{ id: string; c: string | null }>(
    tx,
    sql`select public_id as id, h3_cell as c from ${sql.raw(ident(table))}
      where not (local_date = any(${dateArray(scope.days)}))`,
  );
  const idOf = publicIdMaker(prefix, key);
  const want = new Map<string, string | null>();
  for (const r of records) want.set(idOf(r.source, r.externalId), cells.get(Number(r.id)) ?? null);
  const changed: { id: string; c: string | null; r: number | null }[] = [];
  for (const s of served) {
    const c = want.get(s.id) ?? null;
    if (c !== s.c) changed.push({ id: s.id, c, r: c === null ? null : getResolution(c) });
  }
  for (let i = 0; i < changed.length; i += 5000) {
    const json = JSON.stringify(changed.slice(i, i + 5000));
    await tx.execute(
      sql`update ${sql.raw(ident(table))} t set h3_cell = x.c, h3_res = x.r
        from jsonb_to_recordset(${json}::jsonb) as x(id text, c text, r int) where t.public_id = x.id`,
    );
  }
  return changed.length;
}
