import "server-only";
// Public read model for plate readers: the published search log (rollups, metrics and readers
// come from the shared camera tables through db/queries/public/cameras.ts).
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubAlprSearches } from "@/db/schema";
import { getBreakdownKeys } from "./rollups";
import type { SearchLogFilters, SearchSort } from "@/lib/cameras/log-filters";
import { localDateRange } from "./local-dates";
import { logRows } from "./log-rows";

type Opt = { db?: DbOrTx };
const use = async (o: Opt) => o.db ?? (await getDb());
export type PubSearch = typeof pubAlprSearches.$inferSelect;

function searchWhere(f: SearchLogFilters): SQL | undefined {
  const t = pubAlprSearches;
  return and(
    localDateRange(t.hour, f.from, f.to),
    f.reason ? eq(t.reason, f.reason) : undefined,
    f.offense ? eq(t.offenseType, f.offense) : undefined,
    f.agency ? eq(t.agency, f.agency) : undefined,
    f.user ? eq(t.user, f.user) : undefined,
    f.linked ? eq(t.linkedToCase, f.linked === "yes") : undefined,
  );
}

const SORT_COLS = {
  hour: pubAlprSearches.hour,
  user: pubAlprSearches.user,
  agency: pubAlprSearches.agency,
  reason: pubAlprSearches.reason,
  offense: pubAlprSearches.offenseType,
  networks: pubAlprSearches.networkCount,
} as const;

export async function getSearchLog(
  o: Opt & { filters: SearchLogFilters; sort: SearchSort; dir: "asc" | "desc"; page: number; pageSize: number },
): Promise<{ rows: PubSearch[]; total: number }> {
  const d = await use(o);
  const where = searchWhere(o.filters);
  const order = o.dir === "asc" ? asc : desc;
  const tie =
    o.sort === "hour" ? [order(pubAlprSearches.publicId)] : [desc(pubAlprSearches.hour), asc(pubAlprSearches.publicId)];
  const rows = await d
    .select()
    .from(pubAlprSearches)
    .where(where)
    .orderBy(order(SORT_COLS[o.sort]), ...tie)
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize);
  return { rows, total: await logRows(d, "alpr", pubAlprSearches, where) };
}

/** Filter choices: agencies and offense types that appear in the published searches. */
export async function getSearchFilterOptions(o: Opt = {}): Promise<{ agencies: string[]; offenses: string[] }> {
  const d = await use(o);
  const rows = await getBreakdownKeys({ dataset: "alpr", breakdowns: ["agency", "offense"], db: d });
  const agencies = rows.filter((r) => r.breakdown === "agency");
  const offenses = rows.filter((r) => r.breakdown === "offense");
  return {
    agencies: agencies.map((a) => a.key).filter((k) => k !== "*"),
    offenses: offenses.map((a) => a.key).filter((k) => k !== "*"),
  };
}
