// Raw SQL results differ by driver (postgres.js returns an array, PGlite an object with rows).
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const r: unknown = await db.execute(query);
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}

/**
 * Inserts many rows of a drizzle table in chunks, each chunk as ONE jsonb parameter unpacked by
 * jsonb_to_recordset. Drizzle's values() builds one bound parameter per cell, which costs more
 * than the database work for hundreds of thousands of rows. Rows are keyed by the table's
 * property names; columns missing from a chunk take their defaults. `into` writes to another
 * table of the same shape (a table being rebuilt, see db/shadow.ts).
 */
export async function insertJsonRows<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: T["$inferInsert"][],
  o: { into?: string; chunkSize?: number } = {},
): Promise<number> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const name = o.into ?? getTableConfig(table).name;
  const chunkSize = o.chunkSize ?? 10_000;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const present = new Set<string>();
    for (const r of chunk) for (const k in r) if ((r as Record<string, unknown>)[k] !== undefined) present.add(k);
    const cols = Object.entries(columns).filter(([k]) => present.has(k));
    if (cols.length === 0) continue;
    const json = JSON.stringify(
      chunk.map((r) =>
        Object.fromEntries(cols.map(([k, c]) => [c.name, toJsonValue((r as Record<string, unknown>)[k])])),
      ),
    );
    const names = cols.map(([, c]) => ident(c.name)).join(", ");
    const record = cols.map(([, c]) => `${ident(c.name)} ${c.getSQLType()}`).join(", ");
    await db.execute(
      sql`insert into ${sql.raw(ident(name))} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(record)})`,
    );
  }
  return rows.length;
}

/** A table's indexes that back no constraint (a key is rebuilt with its constraint), as Postgres defines them. */
export function standaloneIndexes(
  db: DbOrTx,
  table: string,
): Promise<{ name: string; def: string; unique: boolean }[]> {
  return queryRows(
    db,
    sql`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as def, x.indisunique as unique
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = ${table}::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by i.relname`,
  );
}

/** A quoted SQL identifier, for names built at run time (tables being rebuilt, columns from a schema). */
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

function toJsonValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}
