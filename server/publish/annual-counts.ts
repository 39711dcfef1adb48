import "server-only";
// What the annual reports count of the raw event records (uses by purpose, records by area, records
// shared by agency), kept per local date in publish_part_annual_counts so that a year's figures are the
// sum of its dates: a full publication counts every date (a table rebuilt beside the served one), an
// incremental one only the dates of its scope (server/publish/changes.ts, annualScope), summed with
// the served counts of the others. The counts stay unsuppressed here; lib/reports/annual.ts
// suppresses the yearly sums.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import { ident, queryRows } from "../../db/sql";
import type { Scope } from "../../lib/publish/incremental";
import { alprReasonSql } from "./alpr-searches";
import { localDateSql } from "./camera-sql";
import { inScopeSql } from "./scope-sql";

export const PART_TABLE = "publish_part_annual_counts";
const COLUMNS = ["source", "local_date", "part", "key", "label", "wc", "n"];

/** The raw records a report counts (the two camera programs share one source). */
export type AnnualSource = "drones" | "cameras" | "alpr" | "cso";
export const ANNUAL_SOURCES: AnnualSource[] = ["drones", "cameras", "alpr", "cso"];

/** The zone and the instants up to which records are counted (sensitive flights: their own delay). */
export type Clock = { tz: string; cutoff: string; sensitiveCutoff: string };

/**
 * Each source's records of the scope's dates, grouped: d (local date), key and label (purpose),
 * area_id, agency (shared with, or null), wc (by a watch-center operator), n_uses (records counted
 * as uses) and n_area (counted by area). The local date is computed under `offset 0` so that the
 * planner groups the few rows by hashing rather than sorting them all.
 */
const DAILY: Record<AnnualSource, (c: Clock, scope: Scope) => SQL> = {
  // Flights and calls without a known call type count by area but not by purpose (the purposes are
  // the call types joined), hence the left joins and count(key).
  drones: (c, scope) => sql`select d, key, label, area_id, null::text as agency, false as wc,
      count(key) as n_uses, count(*) as n_area
    from (select ${localDateSql(sql`f.launched_at`, c.tz)} as d, c.code as key, c.label, f.area_id
      from drone_flights f left join call_categories c on c.code = f.category
      where f.landed_at <= case when f.sensitive then ${c.sensitiveCutoff}::timestamptz else ${c.cutoff}::timestamptz end
        ${inScopeSql(sql`f.launched_at`, c.tz, scope)}
      offset 0) x
    group by 1, 2, 3, 4`,
  cameras: (c, scope) => sql`select d, reason::text as key, reason::text as label, area_id, agency, wc,
      count(*) as n_uses, count(*) as n_area
    from (select ${localDateSql(sql`e.started_at`, c.tz)} as d, e.reason_code as reason, cam.area_id,
        ag.name as agency, e.user_role = 'watch_center_operator' as wc
      from camera_access_events e join cameras cam on cam.id = e.camera_id
        left join agencies ag on ag.id = e.shared_with_agency_id
      where cam.kind <> 'plate_reader' and e.ended_at <= ${c.cutoff}::timestamptz
        ${inScopeSql(sql`e.started_at`, c.tz, scope)}
      offset 0) x
    group by d, reason, area_id, agency, wc`,
  // Searches have no place: the plate readers' counts by area are detections (yearlyDetections).
  alpr: (c, scope) => sql`select d, key, key as label, null::int as area_id, null::text as agency, false as wc,
      count(*) as n_uses, 0::bigint as n_area
    from (select ${localDateSql(sql`s.searched_at`, c.tz)} as d,
        ${alprReasonSql(sql`s.category`, sql`coalesce(cc.sensitive, false)`)} as key
      from alpr_searches s left join call_categories cc on cc.code = s.category
      where s.searched_at <= ${c.cutoff}::timestamptz ${inScopeSql(sql`s.searched_at`, c.tz, scope)}
      offset 0) x
    group by 1, 2`,
  cso: (c, scope) => sql`select d, key, label, area_id, null::text as agency, false as wc,
      count(key) as n_uses, count(*) as n_area
    from (select ${localDateSql(sql`a.received_at`, c.tz)} as d, c.code as key, c.label, a.area_id
      from cso_activities a left join call_categories c on c.code = a.category
      where a.received_at <= ${c.cutoff}::timestamptz ${inScopeSql(sql`a.received_at`, c.tz, scope)}
      offset 0) x
    group by 1, 2, 3, 4`,
};

/** The first record of each source (its first year is the first report's). */
export const FIRST_RECORD: Record<AnnualSource, SQL> = {
  drones: sql`select min(launched_at) as first from drone_flights`,
  cameras: sql`select min(started_at) as first from camera_access_events`,
  alpr: sql`select min(searched_at) as first from alpr_searches`,
  cso: sql`select min(received_at) as first from cso_activities`,
};

/** The partial counts of every source for the scope's dates, in the table's columns. */
function partialsSelect(c: Clock, scope: Scope): SQL {
  const daily = ANNUAL_SOURCES.map((s) => sql`select ${s}::text as source, * from (${DAILY[s](c, scope)}) x`);
  return sql`with daily as materialized (${sql.join(daily, sql` union all `)})
    select source, d, 'uses'::text, key, label, wc, sum(n_uses)::int from daily
      group by source, d, key, label, wc having sum(n_uses) > 0
    union all
    select source, d, 'areas', area_id::text, null, wc, sum(n_area)::int from daily where area_id is not null
      group by source, d, area_id, wc having sum(n_area) > 0
    union all
    select source, d, 'shared', agency, agency, wc, sum(n_uses)::int from daily where agency is not null
      group by source, d, agency, wc having sum(n_uses) > 0`;
}

export type PartialRow = {
  source: string;
  local_date: string;
  part: string;
  key: string | null;
  label: string | null;
  wc: boolean;
  n: number;
};

/**
 * The partial counts this publication writes, and a select of every date's counts to sum: a full
 * scope rebuilds the table beside the served one (`shadow`), an incremental one counts only its
 * dates (returned, for `writePartials` to put in place) and reads the other dates' served counts.
 * Reads only; on a Postgres server it runs beside the publication's transaction, in its snapshot.
 */
export async function countPartials(
  tx: DbOrTx,
  shadow: ShadowTables,
  c: Clock,
  scope: Scope,
): Promise<{ all: SQL; fresh: PartialRow[] | null; rows: number }> {
  if (scope.full) {
    const rows = await shadow.createAs(PART_TABLE, COLUMNS, partialsSelect(c, scope), {
      orderBy: ["local_date"],
    });
    await shadow.index(PART_TABLE);
    return { all: sql.raw(`select * from ${ident(shadow.nameOf(PART_TABLE))}`), fresh: null, rows };
  }
  const fresh = await queryRows<PartialRow>(
    tx,
    sql`select source, d::text as local_date, part, key, label, wc, n
      from (${partialsSelect(c, scope)}) x(source, d, part, key, label, wc, n)`,
  );
  const all = sql`select ${sql.raw(COLUMNS.join(", "))} from ${sql.raw(ident(PART_TABLE))}
      where local_date <> all(${`{${scope.days.join(",")}}`}::date[])
    union all
    select ${sql.raw(COLUMNS.join(", "))} from ${freshSelect(fresh)}`;
  return { all, fresh, rows: fresh.length };
}

const freshSelect = (rows: PartialRow[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as x(source text, local_date date, part text, key text, label text, wc boolean, n int)`;

/**
 * Puts an incremental publication's counts of its dates in place of the served ones, inside the
 * publication's transaction (a full one's table is swapped in with the rest). Returns the table's rows.
 */
export async function writePartials(
  shadow: ShadowTables,
  scope: Scope,
  fresh: PartialRow[] | null,
  rows: number,
): Promise<number> {
  if (scope.full || !fresh) return rows;
  return shadow.replaceDays(
    PART_TABLE,
    COLUMNS,
    sql`select ${sql.raw(COLUMNS.join(", "))} from ${freshSelect(fresh)}`,
    scope.days,
  );
}

/** How a program's report reads a source's counts. */
export type ProgramCounts = { program: string; source: AnnualSource; watchCenterOnly: boolean };

export type YearlyRow = {
  program: string;
  part: "uses" | "areas" | "shared";
  y: number;
  key: string | null;
  label: string | null;
  n: number;
};

/**
 * Every program's counts by local year, summed from `all` (countPartials), each table in its
 * published order (count descending, then key); the plate readers' counts by area are the
 * detections of the dates before the cutoff's (their daily counts are by local date already).
 */
export async function yearlyCounts(tx: DbOrTx, all: SQL, programs: ProgramCounts[], c: Clock): Promise<YearlyRow[]> {
  if (programs.length === 0) return [];
  const sums = programs.map(
    (p) => sql`select ${p.program}::text as program, part, y, key, label, sum(n)::int as n
      from yearly where source = ${p.source} ${p.watchCenterOnly ? sql`and wc` : sql``}
      group by part, y, key, label`,
  );
  const detections = programs.some((p) => p.program === "plate_readers")
    ? [
        sql`select 'plate_readers', 'areas', extract(year from d.day)::int, c.area_id::text, null, sum(d.detections)::int
          from alpr_daily_counts d join cameras c on c.id = d.camera_id
          where c.area_id is not null and d.day < (${c.cutoff}::timestamptz at time zone ${c.tz})::date
          group by 3, 4`,
      ]
    : [];
  return queryRows<YearlyRow>(
    tx,
    sql`with yearly as materialized (select source, part, extract(year from local_date)::int as y, key, label, wc,
        sum(n) as n
      from (${all}) parts group by 1, 2, 3, 4, 5, 6)
    ${sql.join([...sums, ...detections], sql` union all `)}
    order by 1, 2, 3, 6 desc, 4`,
  );
}
