// What each public page asks the database for (the same query functions the pages call), and
// the naive equivalents over the raw tables that the published read model replaces.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { findFlightsNear, getDroneBreakdowns, getDroneCells, getDroneMetrics, getFlight, getFlightFilterOptions, listFlights } from "../db/queries/public/drones";
import { getHomeSummary } from "../db/queries/public/home";
import { getDatasetAsOf } from "../db/queries/public/publication";
import { queryRows } from "../db/sql";

export type Workload = { name: string; run(db: Db): Promise<unknown>; naive?: (db: Db) => Promise<unknown> };

export async function workloads(db: Db, timeZone: string): Promise<Workload[]> {
  const [latest] = await queryRows<{ public_id: string; started_at: Date; local_date: string; category: string }>(db,
    sql`select public_id, started_at, local_date::text as local_date, category from pub_flights order by started_at desc limit 1`);
  const [top] = await queryRows<{ key: string }>(db, sql`select key from pub_drone_breakdowns where breakdown = 'category' and period = 'since_launch' and key <> '*' order by count desc nulls last limit 1`);
  const latestAt = latest ? new Date(latest.started_at) : new Date();
  const to = latest?.local_date ?? "2026-01-01";
  const fromD = new Date(`${to}T00:00:00Z`);
  fromD.setUTCDate(fromD.getUTCDate() - 90);
  const from = fromD.toISOString().slice(0, 10);
  const category = top?.key ?? "theft";
  const filtered = { filters: { from, to, category, linked: "yes" as const }, sort: "duration" as const, dir: "desc" as const, page: 3, pageSize: 25 };
  const breakdowns = ["week_group", "tts_month", "tts_category", "hour", "duration", "outcome"];
  return [
    { name: "home /", run: (d) => getHomeSummary({ db: d }), naive: (d) => naiveHome(d, timeZone) },
    {
      name: "drones /drones",
      run: (d) => Promise.all([getDatasetAsOf({ dataset: "drones", db: d }), getDroneMetrics({ db: d }),
        getDroneBreakdowns({ wanted: [...breakdowns.map((breakdown) => ({ breakdown })), { breakdown: "category", period: "last30" }], db: d }), getDroneCells({ db: d })]),
    },
    { name: "flight log /drones/flights", run: (d) => Promise.all([getFlightFilterOptions({ db: d }), listFlights({ filters: {}, sort: "started", dir: "desc", page: 1, pageSize: 25, db: d }), getDatasetAsOf({ dataset: "drones", db: d })]) },
    {
      name: "flight log, filtered + sorted (90 days, top call type, linked, by duration, page 3)",
      run: (d) => listFlights({ ...filtered, db: d }),
      naive: (d) => naiveFlightLog(d, timeZone, from, to, category),
    },
    { name: "flight permalink", run: (d) => getFlight({ publicId: latest?.public_id ?? "f-000000000000", db: d }) },
    {
      name: "was that a police drone? (1 day, 500 m)",
      run: (d) => findFlightsNear({ place: { kind: "point", lat: 33.888, lon: -118.351, radiusM: 500 }, start: new Date(latestAt.getTime() - 86400_000), end: latestAt, db: d }),
    },
  ];
}

/** The home page's drone numbers computed from raw flights on every request. */
function naiveHome(db: Db, timeZone: string) {
  return queryRows(db, sql`with f as (
      select f.*, (f.sensitive or c.sensitive) as sens, extract(epoch from (f.on_scene_at - coalesce(f.dispatched_at, f.launched_at))) / 60.0 as tts
      from drone_flights f join call_categories c on c.code = f.category
      where f.landed_at <= now() - interval '24 hours')
    select (launched_at > now() - interval '31 days') as last30, count(*), percentile_cont(0.5) within group (order by tts),
      avg((outcome = 'cleared_no_patrol')::int), avg(first_on_scene::int), min(launched_at at time zone ${timeZone})
    from f group by rollup (1)`);
}

/** The same flight-log page straight from the raw tables (joins, local dates, computed duration). */
function naiveFlightLog(db: Db, timeZone: string, from: string, to: string, category: string) {
  const where = sql`(f.launched_at at time zone ${timeZone})::date between ${from}::date and ${to}::date
    and f.category = ${category} and f.call_number is not null and f.landed_at <= now() - interval '24 hours'`;
  return Promise.all([
    queryRows(db, sql`select f.id, f.launched_at, c.label, a.name, d.name as dock, extract(epoch from (f.landed_at - f.launched_at)) / 60 as duration,
        extract(epoch from (f.on_scene_at - coalesce(f.dispatched_at, f.launched_at))) / 60 as tts, f.outcome, f.path is not null as has_path
      from drone_flights f join call_categories c on c.code = f.category left join areas a on a.id = f.area_id left join drone_docks d on d.id = f.dock_id
      where ${where} order by duration desc, f.launched_at desc limit 25 offset 50`),
    queryRows(db, sql`select count(*)::int as n from drone_flights f where ${where}`),
  ]);
}
