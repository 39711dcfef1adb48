// Counts for several groupings of the same rows in ONE scan (GROUP BY GROUPING SETS): the
// rollups of a 2.5-million-row published log would otherwise read it once per breakdown.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";

/** One group: its first and second key ("" when the grouping has one key), rows and local-date span. */
export type GroupCount = { k1: string; k2: string; n: number; first: string | null; last: string | null };

/**
 * `dims` names the key expressions; `sets` names each grouping by one or two dims. The rows of
 * `table` matching `where` are read once; every grouping comes back as its own list.
 */
export async function countGroupings<S extends string>(
  tx: DbOrTx, table: string, where: SQL, dims: Record<string, SQL>, sets: Record<S, [string] | [string, string]>,
): Promise<Record<S, GroupCount[]>> {
  const names = Object.keys(dims);
  const col = (d: string) => {
    const i = names.indexOf(d);
    if (i < 0) throw new Error(`unknown grouping key ${d}`);
    return `d${i}`;
  };
  const all = names.map((_, i) => `d${i}`).join(", ");
  const inner = sql.join(names.map((n, i) => sql`(${dims[n]})::text as ${sql.raw(`d${i}`)}`), sql`, `);
  const entries = Object.entries(sets) as [S, [string] | [string, string]][];
  const groupingSets = entries.map(([, ks]) => `(${ks.map(col).join(", ")})`).join(", ");
  const rows = await queryRows<Record<string, string | number | null>>(tx, sql`
    select grouping(${sql.raw(all)})::int as g, ${sql.raw(all)}, count(*)::int as n, min(local_date)::text as first, max(local_date)::text as last
    from (select ${inner}, local_date from ${sql.identifier(table)} where ${where}) s
    group by grouping sets (${sql.raw(groupingSets)})`);
  // grouping(d0..dn) has bit (n-1-i) set when d_i is NOT a key of the row's grouping.
  const maskOf = (ks: string[]) => names.reduce((m, d, i) => (ks.includes(d) ? m : m | (1 << (names.length - 1 - i))), 0);
  const out = {} as Record<S, GroupCount[]>;
  const byMask = new Map<number, S>();
  for (const [name, ks] of entries) {
    out[name] = [];
    if (byMask.has(maskOf(ks))) throw new Error(`groupings ${byMask.get(maskOf(ks))} and ${name} have the same keys`);
    byMask.set(maskOf(ks), name);
  }
  for (const r of rows) {
    const name = byMask.get(Number(r.g));
    if (!name) continue;
    const [a, b] = sets[name];
    out[name].push({ k1: r[col(a)] as string, k2: b ? (r[col(b)] as string) : "", n: Number(r.n), first: r.first as string | null, last: r.last as string | null });
  }
  return out;
}

/** "k1|k2" → count, for table breakdowns. */
export const countsByKeys = (rows: GroupCount[]) => new Map(rows.map((r) => [`${r.k1}|${r.k2}`, r.n]));
