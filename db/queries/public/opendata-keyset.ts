import "server-only";
// Keyset pagination shared by every open-data reader: rows after the last key, in a fixed order,
// one batch at a time, so no read ever holds more than `limit` rows.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Batch } from "@/lib/opendata/types";

export type KeyPart = {
  col: SQL | SQL.Aliased | AnyColumn;
  cast: "text" | "int" | "timestamptz" | "date";
  dir?: "asc" | "desc";
};

/**
 * The rows strictly after a key in the order the parts give. All one direction: a row comparison
 * `(a, b) > (x, y)` (index-friendly); mixed directions: a > x or (a = x and b < y) …
 * Key columns must be NOT NULL, and the last one unique.
 */
export function afterKey(parts: KeyPart[], after: unknown[] | null, dir: "asc" | "desc" = "asc"): SQL | undefined {
  if (!after) return undefined;
  if (after.length !== parts.length) throw new Error("cursor key does not match this dataset");
  const val = (i: number) => sql`cast(${String(after[i])} as ${sql.raw(parts[i].cast)})`;
  const dirs = parts.map((p) => p.dir ?? dir);
  // A redundant bound on the first column lets the planner range-scan that column's index even
  // when no index covers the whole key; without it each batch scans and sorts the whole table
  // (quadratic over a download).
  const lead = dirs[0] === "asc" ? sql`${parts[0].col} >= ${val(0)}` : sql`${parts[0].col} <= ${val(0)}`;
  if (dirs.every((d) => d === dirs[0])) {
    const cols = sql.join(
      parts.map((p) => sql`${p.col}`),
      sql`, `,
    );
    const vals = sql.join(
      parts.map((_, i) => val(i)),
      sql`, `,
    );
    return dirs[0] === "asc" ? sql`(${lead} and (${cols}) > (${vals}))` : sql`(${lead} and (${cols}) < (${vals}))`;
  }
  const ors = parts.map((p, i) => {
    const eqs = parts.slice(0, i).map((q, j) => sql`${q.col} = ${val(j)}`);
    const cmp = dirs[i] === "asc" ? sql`${p.col} > ${val(i)}` : sql`${p.col} < ${val(i)}`;
    return sql`(${sql.join([...eqs, cmp], sql` and `)})`;
  });
  return sql`(${lead} and (${sql.join(ors, sql` or `)}))`;
}

export function orderBy(parts: KeyPart[], dir: "asc" | "desc" = "asc"): SQL[] {
  return parts.map((p) => ((p.dir ?? dir) === "asc" ? sql`${p.col} asc` : sql`${p.col} desc`));
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
