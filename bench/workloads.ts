// What each public page asks the database for (the same query functions the pages call), and
// the naive equivalents over the raw tables that the published read model replaces.
// benchParams() picks the views the benchmark asks for (the filtered flight log and access log,
// a flight, a policy, an update) from the published tables, so the query workloads and the HTTP
// page timings (pages-http.ts) ask for the same things.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { getSearchFilterOptions, getSearchLog } from "../db/queries/public/alpr";
import { getAccessFilterOptions, getAccessLog, listCameras, listSharingAgreements } from "../db/queries/public/cameras";
import { listCurrentPolicies, listPublicUpdates } from "../db/queries/public/content";
import {
  findFlightsNear,
  getFlight,
  getFlightFilterOptions,
  listFlights,
  type FlightFilters,
} from "../db/queries/public/drones";
import { getHomeSummary } from "../db/queries/public/home";
import { getDatasetAsOf } from "../db/queries/public/publication";
import { getBreakdown, getBreakdowns, getCells, getMetrics } from "../db/queries/public/rollups";
import { queryRows } from "../db/sql";
import type { AccessLogFilters, AccessSort } from "../lib/cameras/log-filters";
import { city } from "../lib/config/city";
import { fromZoned } from "../lib/time";

export type Workload = { name: string; run(db: Db): Promise<unknown>; naive?: (db: Db) => Promise<unknown> };

type Dir = "asc" | "desc";
export type BenchParams = {
  timeZone: string;
  /** The newest published flight (its permalink is timed). */
  flightId: string;
  /** The flight log, filtered and sorted: 90 days to the newest flight, top call type, linked to a call, by duration, page 3. */
  flightLog: {
    filters: Required<Pick<FlightFilters, "from" | "to" | "category">> & { linked: "yes" };
    sort: "duration";
    dir: Dir;
    page: number;
    pageSize: number;
  };
  /** "Was that a police drone?": the map's center, the day of the newest flight (00:00 for 24 hours). */
  nearby: { lat: number; lon: number; date: string; hour: number; hours: number; start: Date; end: Date };
  /** The access log, filtered and sorted: 90 days to the newest access, the commonest operation, no case number, by place, page 3. */
  accessLog: {
    filters: Required<Pick<AccessLogFilters, "from" | "to" | "operation">> & { linked: "no" };
    sort: AccessSort;
    dir: Dir;
    page: number;
    pageSize: number;
  };
  /** A policy and a program update to open (none when nothing is published). */
  policySlug?: string;
  updateSlug?: string;
  /** The newest published camera access and plate search (their record pages are timed). */
  accessId?: string;
  searchId?: string;
  /** The newest year's annual report, the fixed cameras' when there is one. */
  report?: { program: string; year: number };
};

const PAGE_SIZE = 25; // the flight log's and the access log's page size (see their pages)

function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export async function benchParams(db: Db, timeZone: string): Promise<BenchParams> {
  const [latest] = await queryRows<{ public_id: string; local_date: string }>(
    db,
    sql`select public_id, local_date::text as local_date from pub_flights order by started_at desc limit 1`,
  );
  const [top] = await queryRows<{ key: string }>(
    db,
    sql`select key from pub_breakdowns where dataset = 'drones' and breakdown = 'category' and period = 'since_launch' and key <> '*' order by count desc nulls last, key limit 1`,
  );
  const [acc] = await queryRows<{ local_date: string }>(
    db,
    sql`select local_date::text as local_date from pub_camera_accesses order by hour desc limit 1`,
  );
  const [op] = await queryRows<{ key: string }>(
    db,
    sql`select key2 as key from pub_breakdowns where dataset = 'cameras' and breakdown = 'week_operation' and period = 'since_launch'
      and key <> '*' and key2 <> '*' group by key2 order by sum(count) desc nulls last, key2 limit 1`,
  );
  // The policy with the most versions (its diff page compares two) and the newest visible update.
  const [policy] = (await listCurrentPolicies({ db })).sort((a, b) => b.versions - a.versions);
  const [update] = await listPublicUpdates({ db, limit: 1 });
  const [access] = await queryRows<{ public_id: string }>(
    db,
    sql`select public_id from pub_camera_accesses order by hour desc, public_id limit 1`,
  );
  const [search] = await queryRows<{ public_id: string }>(
    db,
    sql`select public_id from pub_alpr_searches order by hour desc, public_id limit 1`,
  );
  const [report] = await queryRows<{ program: string; year: number }>(
    db,
    sql`select program, year from pub_annual_reports order by year desc, program = 'fixed_cameras' desc, program limit 1`,
  );
  const to = latest?.local_date ?? new Date().toISOString().slice(0, 10);
  const accTo = acc?.local_date ?? to;
  const center = city().mapCenter;
  const [y, m, d] = to.split("-").map(Number);
  const start = fromZoned({ year: y, month: m, day: d, hour: 0 }, timeZone);
  return {
    timeZone,
    flightId: latest?.public_id ?? "f-000000000000",
    flightLog: {
      filters: { from: daysBefore(to, 90), to, category: top?.key ?? "theft", linked: "yes" },
      sort: "duration",
      dir: "desc",
      page: 3,
      pageSize: PAGE_SIZE,
    },
    nearby: {
      lat: center.lat,
      lon: center.lon,
      date: to,
      hour: 0,
      hours: 24,
      start,
      end: new Date(start.getTime() + 24 * 3600_000),
    },
    accessLog: {
      filters: {
        from: daysBefore(accTo, 90),
        to: accTo,
        operation: (op?.key ?? "live_view") as BenchParams["accessLog"]["filters"]["operation"],
        linked: "no",
      },
      sort: "place",
      dir: "asc",
      page: 3,
      pageSize: PAGE_SIZE,
    },
    policySlug: policy?.current.slug,
    updateSlug: update?.slug,
    accessId: access?.public_id,
    searchId: search?.public_id,
    report: report ? { program: report.program, year: Number(report.year) } : undefined,
  };
}

export function workloads(p: BenchParams): Workload[] {
  const tz = p.timeZone;
  const breakdowns = ["week_group", "tts_month", "tts_category", "hour", "duration", "outcome"];
  const fl = p.flightLog;
  const al = p.accessLog;
  const accessDefault = { filters: {}, sort: "hour" as const, dir: "desc" as const, page: 1, pageSize: PAGE_SIZE };
  const searchDefault = { filters: {}, sort: "hour" as const, dir: "desc" as const, page: 1, pageSize: PAGE_SIZE };
  const camB = (d: Db, breakdown: string, period = "since_launch") =>
    getBreakdown({ dataset: "cameras", breakdown, period, db: d });
  const alprB = (d: Db, breakdown: string, period = "since_launch") =>
    getBreakdown({ dataset: "alpr", breakdown, period, db: d });
  const csoB = (d: Db, breakdown: string, period?: string) =>
    getBreakdown({ dataset: "cso", breakdown, period, db: d });
  return [
    { name: "home /", run: (d) => getHomeSummary({ db: d }), naive: (d) => naiveHome(d, tz) },
    {
      name: "drones /drones",
      run: (d) =>
        Promise.all([
          getDatasetAsOf({ dataset: "drones", db: d }),
          getMetrics({ dataset: "drones", db: d }),
          getBreakdowns({
            dataset: "drones",
            wanted: [...breakdowns.map((breakdown) => ({ breakdown })), { breakdown: "category", period: "last30" }],
            db: d,
          }),
          getCells({ dataset: "drones", db: d }),
        ]),
    },
    {
      name: "flight log /drones/flights",
      run: (d) =>
        Promise.all([
          getFlightFilterOptions({ db: d }),
          listFlights({ filters: {}, sort: "started", dir: "desc", page: 1, pageSize: PAGE_SIZE, db: d }),
          getDatasetAsOf({ dataset: "drones", db: d }),
        ]),
    },
    {
      name: "flight log, filtered + sorted (90 days, top call type, linked, by duration, page 3)",
      run: (d) => listFlights({ ...fl, db: d }),
      naive: (d) => naiveFlightLog(d, tz, fl.filters.from, fl.filters.to, fl.filters.category),
    },
    { name: "flight permalink", run: (d) => getFlight({ publicId: p.flightId, db: d }) },
    {
      name: "was that a police drone? (1 day, 500 m)",
      run: (d) =>
        findFlightsNear({
          place: { kind: "point", lat: p.nearby.lat, lon: p.nearby.lon, radiusM: 500 },
          start: p.nearby.start,
          end: p.nearby.end,
          db: d,
        }),
    },
    {
      name: "access log /cameras (default view, with its filter choices)",
      run: (d) => Promise.all([getAccessLog({ ...accessDefault, db: d }), getAccessFilterOptions({ db: d })]),
      naive: (d) => Promise.all([naiveAccessLog(d, tz, {}, "hour", "desc", 1), naiveAccessFilterOptions(d)]),
    },
    {
      name: `access log, filtered + sorted (90 days, ${al.filters.operation}, no case, by ${al.sort}, page ${al.page})`,
      run: (d) => getAccessLog({ ...al, db: d }),
      naive: (d) => naiveAccessLog(d, tz, al.filters, al.sort, al.dir, al.page),
    },
    {
      name: "cameras /cameras (every query on the page)",
      run: (d) =>
        Promise.all([
          getDatasetAsOf({ dataset: "cameras", db: d }),
          listCameras({ db: d }),
          getMetrics({ dataset: "cameras", db: d }),
          getAccessLog({ ...accessDefault, db: d }),
          getAccessFilterOptions({ db: d }),
          listSharingAgreements({ programs: ["fixed_cameras", "watch_center"], db: d }),
          camB(d, "week_operation"),
          camB(d, "week_reason"),
          camB(d, "week_case"),
          camB(d, "top_users", "last30"),
          camB(d, "agency", "last30"),
        ]),
    },
    {
      name: "plate readers /plate-readers (search log, default view, and the page's rollups)",
      run: (d) =>
        Promise.all([
          getDatasetAsOf({ dataset: "alpr", db: d }),
          listCameras({ plateReaders: true, db: d }),
          getMetrics({ dataset: "alpr", db: d }),
          getSearchLog({ ...searchDefault, db: d }),
          getSearchFilterOptions({ db: d }),
          listSharingAgreements({ programs: ["plate_readers"], db: d }),
          alprB(d, "week_reason"),
          alprB(d, "week_detections"),
          alprB(d, "week_hits"),
          alprB(d, "offense", "last30"),
          alprB(d, "agency", "last30"),
        ]),
    },
    {
      name: "community safety officers /cso",
      run: (d) =>
        Promise.all([
          getDatasetAsOf({ dataset: "cso", db: d }),
          getMetrics({ dataset: "cso", db: d }),
          ...[
            "week_source",
            "category",
            "source",
            "outcome",
            "referral",
            "area",
            "hour",
            "response_month",
            "response_category",
            "response_source",
          ].map((b) => csoB(d, b)),
          getCells({ dataset: "cso", db: d }),
        ]),
    },
  ];
}

/** The home page's drone numbers computed from raw flights on every request. */
function naiveHome(db: Db, timeZone: string) {
  return queryRows(
    db,
    sql`with f as (
      select f.*, (f.sensitive or c.sensitive) as sens, extract(epoch from (f.on_scene_at - coalesce(f.dispatched_at, f.launched_at))) / 60.0 as tts
      from drone_flights f join call_categories c on c.code = f.category
      where f.landed_at <= now() - interval '24 hours')
    select (launched_at > now() - interval '31 days') as last30, count(*), percentile_cont(0.5) within group (order by tts),
      avg((outcome = 'cleared_no_patrol')::int), avg(first_on_scene::int), min(launched_at at time zone ${timeZone})
    from f group by rollup (1)`,
  );
}

/** The same flight-log page straight from the raw tables (joins, local dates, computed duration). */
function naiveFlightLog(db: Db, timeZone: string, from: string, to: string, category: string) {
  const where = sql`(f.launched_at at time zone ${timeZone})::date between ${from}::date and ${to}::date
    and f.category = ${category} and f.call_number is not null and f.landed_at <= now() - interval '24 hours'`;
  return Promise.all([
    queryRows(
      db,
      sql`select f.id, f.launched_at, c.label, a.name, d.name as dock, extract(epoch from (f.landed_at - f.launched_at)) / 60 as duration,
        extract(epoch from (f.on_scene_at - coalesce(f.dispatched_at, f.launched_at))) / 60 as tts, f.outcome, f.path is not null as has_path
      from drone_flights f join call_categories c on c.code = f.category left join areas a on a.id = f.area_id left join drone_docks d on d.id = f.dock_id
      where ${where} order by duration desc, f.launched_at desc limit 25 offset 50`,
    ),
    queryRows(db, sql`select count(*)::int as n from drone_flights f where ${where}`),
  ]);
}

/**
 * One page of the public access log straight from the raw tables: accesses that ended 7 days ago or
 * more, the hour and date in the city's time zone, private cameras as "private camera, <area>", a
 * pseudonym hashed from the person, "linked to a case" from the case number; filtered, sorted, one
 * page of 25 and the matching count (no publication-time row count to fall back on).
 */
function naiveAccessLog(db: Db, timeZone: string, f: AccessLogFilters, sort: AccessSort, dir: Dir, page: number) {
  const hour = sql`(date_trunc('hour', e.started_at at time zone ${timeZone}) at time zone ${timeZone})`;
  const place = sql`(case when c.owner = 'private' then 'private camera, ' || coalesce(a.name, 'outside the mapped areas') else c.name end)`;
  const linked = sql`(coalesce(trim(e.case_number), '') <> '')`;
  const conds = [sql`e.ended_at <= now() - interval '7 days'`];
  if (f.from) conds.push(sql`(e.started_at at time zone ${timeZone})::date >= ${f.from}::date`);
  if (f.to) conds.push(sql`(e.started_at at time zone ${timeZone})::date <= ${f.to}::date`);
  if (f.operation) conds.push(sql`e.operation::text = ${f.operation}`);
  if (f.reason) conds.push(sql`e.reason_code::text = ${f.reason}`);
  if (f.agency) conds.push(sql`ag.name = ${f.agency}`);
  if (f.place) conds.push(sql`${place} = ${f.place}`);
  if (f.linked) conds.push(f.linked === "yes" ? linked : sql`not ${linked}`);
  const where = sql.join(conds, sql` and `);
  const cols: Record<AccessSort, ReturnType<typeof sql>> = {
    hour,
    place,
    user: sql`p.id`,
    agency: sql`ag.name`,
    operation: sql`e.operation::text`,
    reason: sql`e.reason_code::text`,
  };
  const d = sql.raw(dir === "asc" ? "asc" : "desc");
  const tie = sort === "hour" ? sql`e.id ${d}` : sql`${hour} desc, e.id asc`;
  const from = sql`camera_access_events e join cameras c on c.id = e.camera_id left join areas a on a.id = c.area_id
    join agencies ag on ag.id = e.agency_id join personnel p on p.id = e.personnel_id left join agencies sg on sg.id = e.shared_with_agency_id`;
  return Promise.all([
    queryRows(
      db,
      sql`select e.id, ${hour} as hour, (e.started_at at time zone ${timeZone})::date as local_date, ${place} as place, c.owner::text as owner_class,
        a.slug as area_slug, 'user-' || left(encode(sha256(convert_to('bench-key:' || p.id::text, 'UTF8')), 'hex'), 6) as user_pseudonym,
        e.user_role, ag.name as agency, e.operation::text as operation, e.reason_code::text as reason, ${linked} as linked_to_case, sg.name as shared_with
      from ${from} where ${where} order by ${cols[sort]} ${d}, ${tie} limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
    ),
    queryRows(db, sql`select count(*)::int as n from ${from} where ${where}`),
  ]);
}

/** The access log's filter choices from the raw tables: camera names, areas with private cameras, agencies that accessed video. */
function naiveAccessFilterOptions(db: Db) {
  return Promise.all([
    queryRows(db, sql`select name from cameras where kind <> 'plate_reader' and owner <> 'private' order by name`),
    queryRows(
      db,
      sql`select distinct coalesce(a.name, 'outside the mapped areas') as name from cameras c left join areas a on a.id = c.area_id where c.owner = 'private' order by 1`,
    ),
    queryRows(
      db,
      sql`select distinct ag.name from camera_access_events e join agencies ag on ag.id = e.agency_id where e.ended_at <= now() - interval '7 days' order by 1`,
    ),
  ]);
}
