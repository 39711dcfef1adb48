import "server-only";
// Keyset pagination shared by every open-data reader: rows after the last key, in a fixed order,
// one batch at a time, so no read ever holds more than `limit` rows.
import { sql, type SQL } from "drizzle-orm";
import type { Batch } from "@/lib/opendata/types";

export type KeyPart = { col: SQL | SQL.Aliased | import("drizzle-orm").AnyColumn; cast: "text" | "int" | "timestamptz" | "date" };

/** `(a, b) > (x, y)` (or `<` for descending): the rows strictly after a key. */
export function afterKey(parts: KeyPart[], after: unknown[] | null, dir: "asc" | "desc"): SQL | undefined {
  if (!after) return undefined;
  if (after.length !== parts.length) throw new Error("cursor key does not match this dataset");
  const cols = sql.join(parts.map((p) => sql`${p.col}`), sql`, `);
  const vals = sql.join(parts.map((p, i) => sql`cast(${String(after[i])} as ${sql.raw(p.cast)})`), sql`, `);
  return dir === "asc" ? sql`(${cols}) > (${vals})` : sql`(${cols}) < (${vals})`;
}

export function orderBy(parts: KeyPart[], dir: "asc" | "desc"): SQL[] {
  return parts.map((p) => (dir === "asc" ? sql`${p.col} asc` : sql`${p.col} desc`));
}

/** Runs a query asked for limit+1 rows and turns it into a batch with the next key. */
export async function toBatch<T, R>(
  fetch: (limitPlusOne: number) => Promise<T[]>,
  limit: number,
  toRow: (t: T) => R,
  keyOf: (t: T) => unknown[],
): Promise<Batch<R>> {
  const got = await fetch(limit + 1);
  const more = got.length > limit;
  const page = more ? got.slice(0, limit) : got;
  return { rows: page.map(toRow), next: more && page.length ? keyOf(page[page.length - 1]) : null };
}

export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}
