import "server-only";
// Writing a dataset's published rows for a publication's scope (server/publish/changes.ts): the
// whole table rebuilt beside the served one, or, incrementally, the rows of some local dates
// replaced in the served table; and refreshing the cells of the rows left as they are.
import { cellToBoundary, getResolution } from "h3-js";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import { ident, queryRows } from "../../db/sql";
import { dayRanges, type Scope } from "../../lib/publish/incremental";
import { publicIdMaker } from "../../lib/publish/rules/public-id";
import type { CellGroup, GroupGeneralization } from "../../lib/publish/rules/h3";
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
type RecordKey = { id: number; source: string; externalId: string };

/** A published record with a place: its id, local date, and the two cells generalization decides on. */
export type Located = { id: number; date: string } & Omit<CellGroup, "n">;

/** Each record's published cell under `whole` by its id (none: suppressed). */
export function cellsOfRecords(whole: GroupGeneralization, records: Located[]): Map<number, string> {
  const cells = new Map<number, string>();
  for (const r of records) {
    const cell = whole.cellOf(r);
    if (cell !== null) cells.set(r.id, cell);
  }
  return cells;
}

/**
 * A condition (leading "and") keeping the records whose point (`lat`, `lon`) lies in one of `cells`'
 * bounding boxes (a little wider): every record whose fine or coarse cell is one of them, among a few others.
 */
export function inCellsSql(cells: Iterable<string>, lat: SQL, lon: SQL): SQL {
  const boxes = [...cells].map((c) => {
    const b = cellToBoundary(c);
    const lats = b.map((p) => p[0]);
    const lons = b.map((p) => p[1]);
    const m = 1e-4;
    return sql`(${lat} between ${Math.min(...lats) - m} and ${Math.max(...lats) + m} and ${lon} between ${Math.min(...lons) - m} and ${Math.max(...lons) + m})`;
  });
  return boxes.length ? sql` and (${sql.join(boxes, sql` or `)})` : sql` and false`;
}

/**
 * Brings the generalized cells of the rows outside the rewritten dates up to date.
 *
 * Cells are decided over the whole record (lib/publish/rules/h3.ts: a sparse cell merges into its
 * parent, a sparse parent is suppressed), so a record added on one date can move a record of another
 * date to a finer or coarser cell; but only when one of its cells crosses k, that is, when it is
 * published now (`whole`, the whole record's generalization) and was not (publish_cells, what the
 * last publication kept), or the other way round. The records in those cells are found by their
 * bounding boxes (`locate` gives the published located records a condition from inCellsSql keeps)
 * and their rows set to their cell again (rows of the rewritten dates included: they already have
 * it). Returns the rows updated. (The publisher's run keeps the
 * cells for the next publication: keepCells.)
 */
export async function refreshCells(
  tx: DbOrTx,
  o: {
    dataset: string;
    /** The published table, and the raw one its rows come from (with id, source and external_id). */
    table: string;
    records: string;
    /** The public ids' prefix and key (lib/publish/rules/public-id.ts). */
    prefix: string;
    key: string;
    whole: GroupGeneralization;
    scope: Scope;
    locate: (inCells: (lat: SQL, lon: SQL) => SQL) => Promise<Located[]>;
  },
): Promise<number> {
  if (o.scope.full) return 0;
  const before = new Set(
    (await queryRows<{ c: string }>(tx, sql`select cell as c from publish_cells where dataset = ${o.dataset}`)).map(
      (r) => r.c,
    ),
  );
  const crossed = new Set([...o.whole.counts.keys()].filter((c) => !before.has(c)));
  for (const c of before) if (!o.whole.counts.has(c)) crossed.add(c);
  if (!crossed.size) return 0;
  const moved = (await o.locate((lat, lon) => inCellsSql(crossed, lat, lon))).filter((r) =>
    o.whole.dependsOn(r, crossed),
  );
  const cellOf = cellsOfRecords(o.whole, moved);
  const idOf = publicIdMaker(o.prefix, o.key);
  const keys = moved.length
    ? await queryRows<RecordKey>(
        tx,
        sql`select id, source, external_id as "externalId" from ${sql.raw(ident(o.records))}
          where id = any(${`{${moved.map((r) => r.id).join(",")}}`}::bigint[])`,
      )
    : [];
  const rows = keys.map((r) => {
    const c = cellOf.get(Number(r.id)) ?? null;
    return { id: idOf(r.source, r.externalId), c, r: c === null ? null : getResolution(c) };
  });
  let updated = 0;
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
