import "server-only";
// The write side of an import. Checked rows are gathered in a temporary table as they are read
// (each batch one JSON parameter unpacked by json_to_recordset: one round trip per 2,000 rows on
// postgres.js and PGlite alike), then merged into the dataset's table in ONE statement at the end.
//
// Why gather first: the staging inserts are cheap (no indexes, no keys, no foreign keys), so the
// database keeps up with parsing on the other core, and the merge then pays the table's keys and
// indexes once, over rows sorted by the natural key, instead of 500 times over 2,000 rows. A file
// that at least doubles its table (a first load, a backfill) is merged "in bulk": the table's
// secondary indexes and foreign keys are dropped for the merge and built again after it, which is
// how Postgres's own guide to populating a database loads large amounts of data. Rebuilding an
// index sorts once; maintaining it inserts row by row. The foreign keys are checked again, over
// the whole table, when they are added back: nothing gets in that they would have refused.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { ident, queryRows, standaloneIndexes } from "../../sql";

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

export type MergeResult = { inserted: number; updated: number; bulk: boolean };

const STAGE = "pg_temp.daylight_ingest_stage";

/** Below this many staged rows a merge never goes "in bulk" (rebuilding indexes has a fixed cost). */
export const BULK_MIN_ROWS = 20_000;

export class Staging {
  private staged = 0;

  private constructor(
    private readonly tx: DbOrTx,
    private readonly spec: UpsertSpec,
  ) {}

  /** A temporary table for this import's rows, dropped when the transaction ends. */
  static async open(tx: DbOrTx, spec: UpsertSpec): Promise<Staging> {
    const cols = spec.columns.map(([c, t]) => `${ident(c)} ${t}`).join(", ");
    await tx.execute(sql.raw(`drop table if exists ${STAGE}`));
    await tx.execute(
      sql.raw(`create temporary table daylight_ingest_stage (ord bigint not null, ${cols}) on commit drop`),
    );
    return new Staging(tx, spec);
  }

  /** Adds rows in file order (a later row with the same natural key wins at the merge). */
  async add(rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const names = this.spec.columns.map(([c]) => ident(c));
    const record = this.spec.columns.map(([c, t]) => `${ident(c)} ${t}`).join(", ");
    await this.tx.execute(sql`insert into ${sql.raw(STAGE)} (ord, ${sql.raw(names.join(", "))})
      select ${this.staged}::bigint + x.n, ${sql.raw(names.map((c) => `x.${c}`).join(", "))}
      from rows from (json_to_recordset(${JSON.stringify(rows)}::json) as (${sql.raw(record)})) with ordinality as x(${sql.raw(names.join(", "))}, n)`);
    this.staged += rows.length;
  }

  /**
   * Inserts new rows, updates changed ones and leaves identical ones alone; returns the counts.
   * `bulkMinRows`: the fewest staged rows for a bulk merge (see the file's head).
   */
  async merge(o: { bulkMinRows?: number } = {}): Promise<MergeResult> {
    if (this.staged === 0) return { inserted: 0, updated: 0, bulk: false };
    const { tx, spec } = this;
    const bulk =
      this.staged >= (o.bulkMinRows ?? BULK_MIN_ROWS) && (await rowsUpTo(tx, spec.table, this.staged)) < this.staged;
    const run = () => queryRows<{ inserted: number; updated: number }>(tx, sql.raw(mergeSql(spec)));
    const [r] = bulk ? await withoutSecondaryIndexes(tx, spec.table, run) : await run();
    return { inserted: Number(r.inserted), updated: Number(r.updated), bulk };
  }
}

/** The table's rows, counted no further than `limit` (enough to compare with the staged rows). */
async function rowsUpTo(tx: DbOrTx, table: string, limit: number): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from ${sql.raw(ident(table))} limit ${limit}) x`,
  );
  return Number(n);
}

/** One upsert of every staged row; of rows sharing a natural key, the last in the file. */
function mergeSql(spec: UpsertSpec): string {
  const names = spec.columns.map(([c]) => ident(c)).join(", ");
  const keys = spec.conflict.map(ident).join(", ");
  const updatable = spec.columns
    .map(([c]) => c)
    .filter((c) => !spec.conflict.includes(c) && !spec.insertOnly?.includes(c));
  const set = updatable
    .map((c) => `${ident(c)} = excluded.${ident(c)}`)
    .concat(spec.touch ? [spec.touch] : [])
    .join(", ");
  const distinct = `(${updatable.map((c) => `t.${ident(c)}`).join(", ")}) is distinct from (${updatable.map((c) => `excluded.${ident(c)}`).join(", ")})`;
  const onConflict = updatable.length
    ? `on conflict (${keys}) do update set ${set} where ${distinct}`
    : `on conflict (${keys}) do nothing`;
  return `with w as (
    insert into ${ident(spec.table)} as t (${names})
    select ${names} from (select distinct on (${keys}) * from ${STAGE} order by ${keys}, ord desc) s
    ${onConflict}
    returning (xmax = 0) as ins
  ) select (count(*) filter (where ins))::int as inserted, (count(*) filter (where not ins))::int as updated from w`;
}

/**
 * Runs `fn` with `table`'s plain indexes (not its primary key or unique ones, which the upsert
 * needs) and its foreign keys dropped, then creates them again under the same names and
 * definitions. Inside the import's transaction: readers keep the old table until it commits, and
 * a failure anywhere (an added-back foreign key included) leaves everything as it was.
 */
export async function withoutSecondaryIndexes<T>(tx: DbOrTx, table: string, fn: () => Promise<T>): Promise<T> {
  const indexes = (await standaloneIndexes(tx, table)).filter((i) => !i.unique);
  const foreignKeys = await queryRows<{ name: string; def: string }>(
    tx,
    sql`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'f' order by conname`,
  );
  const t = ident(table);
  if (foreignKeys.length)
    await tx.execute(
      sql.raw(`alter table ${t} ${foreignKeys.map((f) => `drop constraint ${ident(f.name)}`).join(", ")}`),
    );
  for (const i of indexes) await tx.execute(sql.raw(`drop index ${ident(i.name)}`));
  const out = await fn();
  for (const i of indexes) await tx.execute(sql.raw(i.def));
  // One ALTER: each key is checked by one query over the whole table.
  if (foreignKeys.length)
    await tx.execute(
      sql.raw(`alter table ${t} ${foreignKeys.map((f) => `add constraint ${ident(f.name)} ${f.def}`).join(", ")}`),
    );
  return out;
}
