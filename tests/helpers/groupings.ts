// The reference the publisher's grouped counts are tested against: each grouping counted straight
// from a published log's rows with one GROUP BY of its own (no shared scans, no partial counts).
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import type { GroupCount } from "../../server/publish/grouping-sets";

/** Every grouping of `sets` (one or two of `dims` each) over the rows of `table` that `where` keeps. */
export async function groupingsOfRows<S extends string>(
  tx: DbOrTx,
  table: string,
  where: SQL,
  dims: Record<string, SQL>,
  sets: Record<S, [string] | [string, string]>,
): Promise<Record<S, GroupCount[]>> {
  const out = {} as Record<S, GroupCount[]>;
  for (const [name, keys] of Object.entries(sets) as [S, [string] | [string, string]][]) {
    const k2 = keys[1] ? sql`(${dims[keys[1]]})::text` : sql`''`;
    const rows = await queryRows<GroupCount>(
      tx,
      sql`select (${dims[keys[0]]})::text as k1, ${k2} as k2, count(*)::int as n,
        min(local_date)::text as first, max(local_date)::text as last
      from ${sql.identifier(table)} where ${where} group by 1, 2`,
    );
    out[name] = rows.map((r) => ({ ...r, n: Number(r.n) }));
  }
  return out;
}
