// Per-table content digests, to prove the same seed gives the same rows.
import { getTableName, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/sql";
import { SEEDED_TABLES } from "../../server/seed/reset";

/** Tables whose rows others' seed hooks may stamp with now() are left out. */
const SKIP = new Set(["policy_versions"]);

export async function tableDigests(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of SEEDED_TABLES) {
    const name = getTableName(t);
    if (SKIP.has(name)) continue;
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
      ),
    );
    out[name] = `${row.n}:${row.h}`;
  }
  return out;
}
