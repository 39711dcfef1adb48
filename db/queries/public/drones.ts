import "server-only";
// The drones read model for public pages: published flights (their rollups: ./rollups.ts).
import { and, asc, desc, eq, getTableColumns, gte, lt, sql, type SQL } from "drizzle-orm";
import { logRows } from "./log-rows";
import { getDb, type DbOrTx } from "@/db/client";
import { perPublicationReader } from "./cached-reader";
import { pubFlights } from "@/db/schema";
import { getBreakdownKeys } from "./rollups";
import { matchPlace, type NearbyMatch, type Place } from "@/lib/drones/nearby";
import { rules } from "@/lib/publish/rules";
import { localDateRange } from "./local-dates";
import { protectedCategoryCodes } from "./protected-categories";

export type PubFlight = typeof pubFlights.$inferSelect;
export type FlightListRow = Omit<PubFlight, "path"> & { hasPath: boolean };
export type FlightFilters = {
  from?: string;
  to?: string;
  category?: string;
  area?: string;
  outcome?: string;
  linked?: "yes" | "no";
};
export const FLIGHT_SORTS = ["started", "category", "area", "duration", "tts", "outcome"] as const;
export type FlightSort = (typeof FLIGHT_SORTS)[number];

const sortCol = {
  started: pubFlights.startedAt,
  category: pubFlights.categoryLabel,
  area: pubFlights.areaName,
  duration: pubFlights.durationMin,
  tts: pubFlights.timeToSceneMin,
  outcome: pubFlights.outcome,
} as const;

/** Dates are local calendar dates ("YYYY-MM-DD"), inclusive. The open-data downloads use it too. */
export function flightsWhere(f: FlightFilters): SQL | undefined {
  return and(
    localDateRange(pubFlights.startedAt, f.from, f.to),
    f.category ? eq(pubFlights.category, f.category) : undefined,
    f.area ? eq(pubFlights.areaSlug, f.area) : undefined,
    f.outcome ? eq(pubFlights.outcome, f.outcome) : undefined,
    f.linked ? eq(pubFlights.linkedToCall, f.linked === "yes") : undefined,
  );
}

const { path: _path, ...listCols } = getTableColumns(pubFlights);

async function listFlightsUncached(p: {
  filters: FlightFilters;
  sort: FlightSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  db?: DbOrTx;
}): Promise<{ rows: FlightListRow[]; total: number }> {
  const d = p.db ?? (await getDb());
  const w = flightsWhere(p.filters);
  const order = p.dir === "asc" ? asc : desc;
  const [rows, total] = await Promise.all([
    d
      .select({ ...listCols, hasPath: sql<boolean>`${pubFlights.path} is not null`.mapWith(Boolean) })
      .from(pubFlights)
      .where(w)
      // "nulls last" only where a column can be null: on started_at it would stop the index from
      // serving the default newest-first view, and sort 300,000 rows instead.
      .orderBy(
        sortCol[p.sort].notNull ? order(sortCol[p.sort]) : sql`${order(sortCol[p.sort])} nulls last`,
        order(pubFlights.startedAt),
        asc(pubFlights.publicId),
      )
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    logRows(d, "drones", pubFlights, w),
  ]);
  return { rows, total };
}

export async function getFlight({ publicId, db }: { publicId: string; db?: DbOrTx }): Promise<PubFlight | null> {
  const d = db ?? (await getDb());
  const [r] = await d.select().from(pubFlights).where(eq(pubFlights.publicId, publicId)).limit(1);
  return r ?? null;
}

/** Categories and areas that occur in the published log, for filter menus. */
async function getFlightFilterOptionsUncached({ db }: { db?: DbOrTx } = {}) {
  const d = db ?? (await getDb());
  const rows = await getBreakdownKeys({ dataset: "drones", breakdowns: ["category", "area", "outcome"], db: d });
  const pick = (b: string) =>
    rows
      .filter((r) => r.breakdown === b)
      .map((r) => ({ value: r.key, label: r.label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  // Sensitive categories are not filterable one by one: the log holds them as one protected type.
  const protectedCodes = await protectedCategoryCodes({ db: d });
  const open = pick("category").filter((c) => !protectedCodes.has(c.value));
  const P = rules.protectedCategory;
  return {
    categories: protectedCodes.size ? [...open, { value: P.code, label: P.label }] : open,
    areas: pick("area").filter((a) => a.value !== "unknown"),
    outcomes: pick("outcome"),
  };
}

export type NearbyFlight = Omit<PubFlight, "path"> & { match: NearbyMatch };

/** Published flights in a time window that passed the place (at most 500). */
export async function findFlightsNear(p: {
  place: Place;
  start: Date;
  end: Date;
  db?: DbOrTx;
}): Promise<NearbyFlight[]> {
  const d = p.db ?? (await getDb());
  // Sensitive flights carry only the day: look from a day before the window.
  const dayBefore = new Date(p.start.getTime() - 86400_000);
  // Every flight of the window is matched (at most 24 hours and the day before: a bounded set),
  // so the count a resident reads is the whole answer, never a silently cut-off list.
  const rows = await d
    .select()
    .from(pubFlights)
    .where(and(gte(pubFlights.startedAt, dayBefore), lt(pubFlights.startedAt, p.end)))
    .orderBy(asc(pubFlights.startedAt), asc(pubFlights.publicId));
  const out: NearbyFlight[] = [];
  for (const { path, ...r } of rows) {
    const span = r.timePrecision === "day" ? 86400_000 : 3600_000;
    if (r.startedAt.getTime() + span <= p.start.getTime()) continue;
    const match = matchPlace({ path, h3Cell: r.h3Cell, areaSlug: r.areaSlug }, p.place);
    if (match) out.push({ ...r, match });
  }
  return out;
}
export const listFlights = perPublicationReader("drones.listFlights", listFlightsUncached);
export const getFlightFilterOptions = perPublicationReader(
  "drones.getFlightFilterOptions",
  getFlightFilterOptionsUncached,
);
