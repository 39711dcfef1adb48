// Rebuilding a large published table by building its replacement beside it ("<table>__next"),
// inside the publication's transaction, and swapping the two at the end.
//
// Why: deleting 2.5 million rows and inserting 2.5 million new ones into a table with four
// indexes costs about a minute on a 2-core machine (random index inserts and dead tuples);
// loading an index-free table and building its indexes afterwards costs a fifth of that.
// Because Postgres DDL is transactional, readers keep seeing the old table until the
// publication commits, and a failed publication leaves the old table serving, as before.
// The swap takes an exclusive lock on each table for the last moments of the transaction only.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { ident, queryRows, standaloneIndexes } from "./sql";

const SUFFIX = "__next";

type Definitions = { constraints: { name: string; def: string }[]; indexes: { name: string; def: string }[] };

/** An output column of a createAs select, for an orderBy expression. */
export const storedCol = (name: string): SQL => sql.raw(`s.${ident(name)}`);

export class ShadowTables {
  private readonly pending = new Map<string, Definitions>();
  /** Tables rewritten in place for some local dates (incremental publication, see replaceDays). */
  private readonly inPlace = new Set<string>();

  constructor(private readonly tx: DbOrTx) {}

  /** Creates an empty, index-free copy of `table` (columns, defaults, checks) and returns its name. */
  async create(table: string): Promise<string> {
    if (this.pending.has(table)) throw new Error(`${table} is already being rebuilt in this publication`);
    const shadow = table + SUFFIX;
    const defs = await definitions(this.tx, table);
    await this.tx.execute(sql.raw(`drop table if exists ${ident(shadow)}`));
    await this.tx.execute(
      sql.raw(`create table ${ident(shadow)} (like ${ident(table)} including defaults including constraints)`),
    );
    this.pending.set(table, defs);
    return shadow;
  }

  /**
   * Creates the shadow as the result of `select`, whose output columns are `columns` of `table`
   * in that order (the others take their defaults), then gives it the table's NOT NULLs, defaults
   * and checks. Returns the number of rows.
   *
   * Why CREATE TABLE … AS and not INSERT … SELECT: Postgres runs the SELECT of a CREATE TABLE AS
   * with parallel workers, and never that of an INSERT. Publishing a row is mostly expression
   * work (keyed hashes, time-zone arithmetic), so on two cores the load takes about half the time.
   * The planner prices handing each row from a worker to the leader above that work, so the
   * statement runs with those two costs at zero.
   */
  async createAs(
    table: string,
    columns: string[],
    select: SQL,
    opts: { orderBy?: string[] | SQL } = {},
  ): Promise<number> {
    if (this.pending.has(table)) throw new Error(`${table} is already being rebuilt in this publication`);
    const shadow = table + SUFFIX;
    const defs = await definitions(this.tx, table);
    const cols = await columnsOf(this.tx, table);
    const unknown = columns.filter((c) => !cols.some((x) => x.name === c));
    if (unknown.length) throw new Error(`${table} has no column ${unknown.join(", ")}`);
    const typed = (c: Column, value: string) =>
      `(${value})::${c.type}${c.collation ? ` collate ${ident(c.collation)}` : ""} as ${ident(c.name)}`;
    const list = cols
      .map((c) => typed(c, columns.includes(c.name) ? `s.${ident(c.name)}` : (c.defaultExpr ?? "null")))
      .join(", ");
    await this.tx.execute(sql.raw(`drop table if exists ${ident(shadow)}`));
    const saved = await queryRows<{ setup: string; tuple: string }>(
      this.tx,
      sql`select current_setting('parallel_setup_cost') as setup, current_setting('parallel_tuple_cost') as tuple`,
    );
    await this.tx.execute(
      sql`select set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true)`,
    );
    // (On failure the transaction is aborted, and the settings with it.)
    // Rows laid down in orderBy's order: a filter on its leading columns then reads a few
    // neighbouring pages instead of one row from each of thousands.
    // orderBy is either output columns or one expression over them (see storedCol): a single
    // sortable value sorts far faster than several keys.
    const keys = Array.isArray(opts.orderBy) ? opts.orderBy : [];
    const unordered = keys.filter((c) => !columns.includes(c));
    if (unordered.length)
      throw new Error(`${table}: cannot order by ${unordered.join(", ")}, which the select does not give`);
    const order =
      opts.orderBy === undefined || Array.isArray(opts.orderBy)
        ? sql.raw(keys.length ? ` order by ${keys.map((c) => `s.${ident(c)}`).join(", ")}` : "")
        : sql` order by ${opts.orderBy}`;
    const res = await this.tx.execute(
      sql`create table ${sql.raw(ident(shadow))} as select ${sql.raw(list)} from (${select}) as s(${sql.raw(columns.map(ident).join(", "))})${order}`,
    );
    await this.tx.execute(
      sql`select set_config('parallel_setup_cost', ${saved[0].setup}, true), set_config('parallel_tuple_cost', ${saved[0].tuple}, true)`,
    );
    const alter = [
      ...cols.filter((c) => c.notNull).map((c) => `alter column ${ident(c.name)} set not null`),
      ...cols
        .filter((c) => c.defaultExpr !== null)
        .map((c) => `alter column ${ident(c.name)} set default ${c.defaultExpr}`),
      ...(await checks(this.tx, table)).map((c) => `add constraint ${ident(c.name)} ${c.def}`),
    ];
    // One ALTER: every NOT NULL and CHECK is verified in a single pass over the rows.
    if (alter.length) await this.tx.execute(sql.raw(`alter table ${ident(shadow)} ${alter.join(", ")}`));
    this.pending.set(table, defs);
    // postgres.js reports the rows CREATE TABLE AS wrote; PGlite reports none, so count them there.
    const r = res as { count?: number };
    if (Array.isArray(res) && typeof r.count === "number") return r.count;
    const [{ n }] = await queryRows<{ n: number }>(this.tx, sql.raw(`select count(*)::int as n from ${ident(shadow)}`));
    return Number(n);
  }

  /** The tables being rebuilt. */
  tables(): string[] {
    return [...this.pending.keys()];
  }

  /** Takes over the tables another transaction rebuilt (and committed), to swap them in with these. */
  adopt(other: ShadowTables): void {
    for (const [table, defs] of other.pending) {
      if (this.pending.has(table)) throw new Error(`${table} is already being rebuilt in this publication`);
      this.pending.set(table, defs);
    }
    for (const table of other.inPlace) this.inPlace.add(table);
    other.pending.clear();
    other.inPlace.clear();
  }

  /** Drops the shadows of `tables` left by transactions that committed before the publication failed. */
  static async discard(db: DbOrTx, tables: string[]): Promise<void> {
    for (const t of tables) await db.execute(sql.raw(`drop table if exists ${ident(t + SUFFIX)}`));
  }

  /**
   * Drops every shadow a publication left behind when it was interrupted after some of its builds
   * had committed (the process stopped). Call only while no other publication builds: holding the
   * publication lock, before this run's builds start. Returns the tables dropped. The published
   * tables (pub_*) and the publisher's partial counts (publish_part_*) are rebuilt this way.
   */
  static async dropLeftovers(db: DbOrTx): Promise<string[]> {
    const suffix = SUFFIX.replace(/_/g, "\\_");
    const rows = await queryRows<{ t: string }>(
      db,
      sql`select tablename as t from pg_tables
        where schemaname = current_schema()
          and (tablename like ${"pub\\_%" + suffix} or tablename like ${"publish\\_part\\_%" + suffix}) order by 1`,
    );
    for (const r of rows) await db.execute(sql.raw(`drop table if exists ${ident(r.t)}`));
    return rows.map((r) => r.t);
  }

  /**
   * Incremental publication: replaces, in the served table itself, the rows whose `dayColumn` is
   * one of `days` by those `select` gives (which the caller limits to the same days), inside the
   * publication's transaction, so readers see the change only when it commits. Returns the table's
   * row count after the change.
   */
  async replaceDays(
    table: string,
    columns: string[],
    select: SQL,
    days: string[],
    dayColumn = "local_date",
  ): Promise<number> {
    if (this.pending.has(table) || this.inPlace.has(table))
      throw new Error(`${table} is already being rewritten in this publication`);
    const list = sql.raw(columns.map(ident).join(", "));
    const dayList = `{${days.join(",")}}`;
    await this.tx.execute(
      sql`delete from ${sql.raw(ident(table))} where ${sql.raw(ident(dayColumn))} = any(${dayList}::date[])`,
    );
    await this.tx.execute(
      sql`insert into ${sql.raw(ident(table))} (${list}) select ${sql.raw(columns.map((c) => `s.${ident(c)}`).join(", "))} from (${select}) as s(${list})`,
    );
    this.inPlace.add(table);
    const [{ n }] = await queryRows<{ n: number }>(this.tx, sql.raw(`select count(*)::int as n from ${ident(table)}`));
    return Number(n);
  }

  /** The table a publisher reads its new rows from: the shadow while rebuilt, the table itself when rewritten in place. */
  nameOf(table: string): string {
    if (this.inPlace.has(table)) return table;
    if (!this.pending.has(table)) throw new Error(`${table} is not being rebuilt`);
    return table + SUFFIX;
  }

  /** Builds the shadow's keys and indexes (sorted bulk builds) and its planner statistics. */
  async index(table: string): Promise<void> {
    // A table rewritten in place keeps its indexes; autovacuum and the vacuum after the
    // publication keep its statistics.
    if (this.inPlace.has(table)) return;
    const defs = this.pending.get(table);
    if (!defs) throw new Error(`${table} is not being rebuilt`);
    const shadow = table + SUFFIX;
    for (const c of defs.constraints)
      await this.tx.execute(sql.raw(`alter table ${ident(shadow)} add constraint ${ident(c.name + SUFFIX)} ${c.def}`));
    for (const i of defs.indexes) await this.tx.execute(sql.raw(retarget(i.def, i.name, table)));
    await this.tx.execute(sql.raw(`analyze ${ident(shadow)}`));
  }

  /** Replaces every rebuilt table by its shadow, keeping the original names of keys and indexes; returns their names. */
  async swap(): Promise<string[]> {
    const swapped = [...this.pending.keys()];
    for (const [table, defs] of this.pending) {
      const shadow = table + SUFFIX;
      await this.tx.execute(sql.raw(`drop table ${ident(table)}`));
      await this.tx.execute(sql.raw(`alter table ${ident(shadow)} rename to ${ident(table)}`));
      for (const c of defs.constraints)
        await this.tx.execute(
          sql.raw(`alter table ${ident(table)} rename constraint ${ident(c.name + SUFFIX)} to ${ident(c.name)}`),
        );
      for (const i of defs.indexes)
        await this.tx.execute(sql.raw(`alter index ${ident(i.name + SUFFIX)} rename to ${ident(i.name)}`));
    }
    this.pending.clear();
    return swapped;
  }

  /**
   * VACUUM of tables swapped in by a committed publication (it cannot run inside a transaction).
   * A table built by CREATE TABLE AS has no visibility map yet, so every index scan also reads the
   * rows; vacuum marks its pages all-visible, and counts over a filtered log become index-only.
   */
  static async vacuum(db: DbOrTx, tables: string[]): Promise<void> {
    // Side by side where the client has several connections (each VACUUM takes one of the pool's).
    await Promise.all(tables.map((t) => db.execute(sql.raw(`vacuum ${ident(t)}`))));
  }
}

type Column = { name: string; type: string; collation: string | null; notNull: boolean; defaultExpr: string | null };

/** The table's columns in order, with their exact types, non-default collations and defaults. */
async function columnsOf(tx: DbOrTx, table: string): Promise<Column[]> {
  const rows = await queryRows<{
    name: string;
    type: string;
    collation: string | null;
    not_null: boolean;
    default_expr: string | null;
  }>(
    tx,
    sql`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      case when a.attcollation <> t.typcollation then (select collname from pg_collation where oid = a.attcollation) end as collation,
      a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default_expr
    from pg_attribute a join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
  );
  return rows.map((r) => ({
    name: r.name,
    type: r.type,
    collation: r.collation,
    notNull: Boolean(r.not_null),
    defaultExpr: r.default_expr,
  }));
}

/** The table's CHECK constraints (LIKE … INCLUDING CONSTRAINTS copies these under the same names). */
async function checks(tx: DbOrTx, table: string): Promise<{ name: string; def: string }[]> {
  return queryRows<{ name: string; def: string }>(
    tx,
    sql`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c' order by conname`,
  );
}

/** The table's primary-key and unique constraints, and its other indexes, as SQL definitions. */
async function definitions(tx: DbOrTx, table: string): Promise<Definitions> {
  const constraints = await queryRows<{ name: string; def: string }>(
    tx,
    sql`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype in ('p', 'u', 'x') order by conname`,
  );
  const indexes = (await standaloneIndexes(tx, table)).map(({ name, def }) => ({ name, def }));
  if (
    constraints.some((c) => c.name.length + SUFFIX.length > 63) ||
    indexes.some((i) => i.name.length + SUFFIX.length > 63)
  ) {
    throw new Error(`an index or key name on ${table} is too long to carry the ${SUFFIX} suffix`);
  }
  return { constraints, indexes };
}

/** "CREATE INDEX name ON public.table USING …" → the same index, renamed, on the shadow table. */
function retarget(def: string, name: string, table: string): string {
  const m = /^CREATE (UNIQUE )?INDEX (\S+) ON (?:ONLY )?(\S+) (USING .*)$/s.exec(def);
  if (!m || m[2].replace(/"/g, "") !== name || m[3].replace(/"/g, "").split(".").pop() !== table) {
    throw new Error(`unexpected index definition for ${table}: ${def}`);
  }
  return `CREATE ${m[1] ?? ""}INDEX ${ident(name + SUFFIX)} ON ${ident(table + SUFFIX)} ${m[4]}`;
}
