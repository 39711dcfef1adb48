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
import type { Generalization } from "../../lib/publish/rules/h3";
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

/** A published record's public-id inputs. */
export type RecordKey = { id: number; source: string; externalId: string };

/**
 * Brings the generalized cells of the rows outside the rewritten dates up to date, and keeps the
 * cells this publication published for the next one (publish_cells).
 *
 * Cells are decided over the whole record (lib/publish/rules/h3.ts: a sparse cell merges into its
 * parent, a sparse parent is suppressed), so a record added on one date can move a record of another
 * date to a finer or coarser cell; but only when one of their cells crosses k, that is, when it is
 * published now and was not, or the other way round. Those records' rows are set to their cell
 * again (rows of the rewritten dates included: they already have it). `located` are the records
 * given to generalize, in that order; `keys` gives the public-id inputs of some of them. Returns the
 * rows updated. (The publisher's run keeps the cells for the next publication: keepCells.)
 */
export async function refreshCells(
  tx: DbOrTx,
  o: {
    dataset: string;
    table: string;
    prefix: string;
    key: string;
    located: { id: number }[];
    generalized: Generalization;
    cells: Map<number, string>;
    scope: Scope;
    keys: (ids: number[]) => Promise<RecordKey[]>;
  },
): Promise<number> {
  if (o.scope.full) return 0;
  const now = new Set(o.generalized.counts.keys());
  let updated = 0;
  const before = new Set(
    (await queryRows<{ c: string }>(tx, sql`select cell as c from publish_cells where dataset = ${o.dataset}`)).map(
      (r) => r.c,
    ),
  );
  const crossed = new Set([...now].filter((c) => !before.has(c)));
  for (const c of before) if (!now.has(c)) crossed.add(c);
  const ids = o.generalized.eventsIn(crossed).map((i) => o.located[i].id);
  const idOf = publicIdMaker(o.prefix, o.key);
  const rows = (ids.length ? await o.keys(ids) : []).map((r) => {
    const c = o.cells.get(Number(r.id)) ?? null;
    return { id: idOf(r.source, r.externalId), c, r: c === null ? null : getResolution(c) };
  });
  for (let i = 0; i < rows.length; i += 5000) {
    const json = JSON.stringify(rows.slice(i, i + 5000));
    const res = await queryRows<{ n: number }>(
      tx,
      sql`with u as (update ${sql.raw(ident(o.table))} t set h3_cell = x.c, h3_res = x.r
        from jsonb_to_recordset(${json}::jsonb) as x(id text, c text, r int)
        where t.public_id = x.id and t.h3_cell is distinct from x.c returning 1) select count(*)::int as n from u`,
    );
    updated += Number(res[0].n);
  }
  return updated;
}

/**
 * Keeps the cells a publication published (generalize's counts) for the next one's refreshCells,
 * inside the publication's transaction, so that they always describe the rows being served.
 */
export async function keepCells(tx: DbOrTx, dataset: string, cells: string[]): Promise<void> {
  await tx.execute(sql`delete from publish_cells where dataset = ${dataset}`);
  for (let i = 0; i < cells.length; i += 5000)
    await tx.execute(
      sql`insert into publish_cells (dataset, cell) select ${dataset}, unnest(${`{${cells.slice(i, i + 5000).join(",")}}`}::text[])`,
    );
}
