// Rebuilding a large published table by building its replacement beside it ("<table>__next"),
// inside the publication's transaction, and swapping the two at the end.
//
// Why: deleting 2.5 million rows and inserting 2.5 million new ones into a table with four
// indexes costs about a minute on a 2-core machine (random index inserts and dead tuples);
// loading an index-free table and building its indexes afterwards costs a fifth of that.
// Because Postgres DDL is transactional, readers keep seeing the old table until the
// publication commits, and a failed publication leaves the old table serving, as before.
// The swap takes an exclusive lock on each table for the last moments of the transaction only.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { ident, queryRows } from "./sql";

const SUFFIX = "__next";

type Definitions = { constraints: { name: string; def: string }[]; indexes: { name: string; def: string }[] };

export class ShadowTables {
  private readonly pending = new Map<string, Definitions>();

  constructor(private readonly tx: DbOrTx) {}

  /** Creates an empty, index-free copy of `table` (columns, defaults, checks) and returns its name. */
  async create(table: string): Promise<string> {
    if (this.pending.has(table)) throw new Error(`${table} is already being rebuilt in this publication`);
    const shadow = table + SUFFIX;
    const defs = await definitions(this.tx, table);
    await this.tx.execute(sql.raw(`drop table if exists ${ident(shadow)}`));
    await this.tx.execute(sql.raw(`create table ${ident(shadow)} (like ${ident(table)} including defaults including constraints)`));
    this.pending.set(table, defs);
    return shadow;
  }

  /** Builds the shadow's keys and indexes (sorted bulk builds) and its planner statistics. */
  async index(table: string): Promise<void> {
    const defs = this.pending.get(table);
    if (!defs) throw new Error(`${table} is not being rebuilt`);
    const shadow = table + SUFFIX;
    for (const c of defs.constraints) await this.tx.execute(sql.raw(`alter table ${ident(shadow)} add constraint ${ident(c.name + SUFFIX)} ${c.def}`));
    for (const i of defs.indexes) await this.tx.execute(sql.raw(retarget(i.def, i.name, table)));
    await this.tx.execute(sql.raw(`analyze ${ident(shadow)}`));
  }

  /** Replaces every rebuilt table by its shadow, keeping the original names of keys and indexes. */
  async swap(): Promise<void> {
    for (const [table, defs] of this.pending) {
      const shadow = table + SUFFIX;
      await this.tx.execute(sql.raw(`drop table ${ident(table)}`));
      await this.tx.execute(sql.raw(`alter table ${ident(shadow)} rename to ${ident(table)}`));
      for (const c of defs.constraints) await this.tx.execute(sql.raw(`alter table ${ident(table)} rename constraint ${ident(c.name + SUFFIX)} to ${ident(c.name)}`));
      for (const i of defs.indexes) await this.tx.execute(sql.raw(`alter index ${ident(i.name + SUFFIX)} rename to ${ident(i.name)}`));
    }
    this.pending.clear();
  }
}

/** The table's primary-key and unique constraints, and its other indexes, as SQL definitions. */
async function definitions(tx: DbOrTx, table: string): Promise<Definitions> {
  const constraints = await queryRows<{ name: string; def: string }>(tx, sql`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype in ('p', 'u', 'x') order by conname`);
  const indexes = await queryRows<{ name: string; def: string }>(tx, sql`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = ${table}::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by i.relname`);
  if (constraints.some((c) => c.name.length + SUFFIX.length > 63) || indexes.some((i) => i.name.length + SUFFIX.length > 63)) {
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
