import "server-only";
// Per-flight published rows: public id, rounded time, category, generalized place, dock,
// duration, time to scene, outcome and a truncated path. Sensitive flights keep only the
// launch site, the day, the duration and the category.
//
// The rows are built in SQL (CREATE TABLE … AS, see db/shadow.ts), like the camera access log:
// the one thing SQL cannot compute, each flight's generalized H3 cell, is decided in JS over the
// whole record (the publisher, from the destinations' grouped counts) and joined in. The paths are built apart (see the drones publisher): parsing every
// recorded path and truncating it is most of the publisher's work in Node, and doing it beside the
// rows, on a connection of its own, lets the two overlap.
import { sql, type SQL } from "drizzle-orm";
import { type pubFlights } from "../../../db/schema";
import type { DbOrTx } from "../../../db/client";
import type { ShadowTables } from "../../../db/shadow";
import {
  cellOfIdSql,
  localDateSql,
  localDaySql,
  localHourSql,
  minutesSql,
  publicIdSql,
  weekStartSql,
} from "../camera-sql";
import { city } from "../../../lib/config/city";
import { rules } from "../../../lib/publish/rules";
import { exclusionFor, sensitiveExclusionIndex, truncatePath } from "../../../lib/publish/rules/path";
import { publicIdMaker } from "../../../lib/publish/rules/public-id";
import {
  flightsWithPaths,
  isSensitive,
  loadSensitiveFlightScenes,
  loadSensitiveScenes,
  publishableWhere,
  type Cutoffs,
  type SceneWindows,
} from "./source";
import { ident } from "../../../db/sql";
import { dayRanges, FULL, type Scope } from "../../../lib/publish/incremental";
import { inScopeSql, writeRows } from "../scope-sql";

type PubFlightRow = typeof pubFlights.$inferInsert;

/** The columns flightRowsSql returns, in order (path is left null, for writePaths). */
const FLIGHT_COLUMNS = [
  "public_id",
  "started_at",
  "time_precision",
  "local_date",
  "week_start",
  "local_hour",
  "category",
  "category_label",
  "sensitive",
  "area_slug",
  "area_name",
  "h3_cell",
  "h3_res",
  "dock_slug",
  "dock_name",
  "dock_site",
  "duration_min",
  "time_to_scene_min",
  "outcome",
  "first_on_scene",
  "linked_to_call",
];

/**
 * Builds the published flights of the scope, without their paths, as the rebuilt pub_flights (or
 * their dates replaced in it); `cells` holds each flight's published cell, decided over the whole
 * record (none: no place, or suppressed). Returns the table's row count.
 */
export function publishFlights(
  shadow: ShadowTables,
  cells: Map<number, string>,
  cut: Cutoffs,
  key: string,
  pgcrypto: string | null,
  timeZone: string,
  scope: Scope = FULL("every flight"),
): Promise<number> {
  // Stored in launch order: the flight log reads pages of it by time.
  return writeRows(
    shadow,
    "pub_flights",
    FLIGHT_COLUMNS,
    flightRowsSql(cut, key, timeZone, cells, pgcrypto, scope),
    scope,
    { orderBy: ["started_at"] },
  );
}

/** The published rows of the flights past their delay, in the order of FLIGHT_COLUMNS. */
export function flightRowsSql(
  cut: Cutoffs,
  key: string,
  tz: string,
  cells: Map<number, string>,
  pgcrypto: string | null,
  scope?: Scope,
): SQL {
  const at = sql`drone_flights.launched_at`;
  // Sensitive flights: nothing beyond the day, the dock and the duration; "Protected call type" for the category.
  const open = (value: SQL, otherwise: SQL = sql`null`) =>
    sql`case when ${isSensitive} then ${otherwise} else ${value} end`;
  // A source that gives only the date (launch_precision 'day') publishes the day, never an hour.
  const dayOnly = sql`(${isSensitive} or drone_flights.launch_precision = 'day')`;
  const P = rules.protectedCategory;
  return sql`select ${publicIdSql("f", sql`drone_flights.source`, sql`drone_flights.external_id`, key, pgcrypto)},
      case when ${dayOnly} then ${localDaySql(at, tz)} else ${localHourSql(at, tz)} end,
      case when ${dayOnly} then 'day' else 'hour' end,
      ${localDateSql(at, tz)}, ${weekStartSql(at, tz)},
      case when ${dayOnly} then null else extract(hour from ${at} at time zone ${tz}) end,
      ${open(sql`drone_flights.category`, sql`${P.code}::text`)},
      ${open(sql`coalesce(call_categories.label, drone_flights.category)`, sql`${P.label}::text`)}, ${isSensitive},
      ${open(sql`a.slug`)}, ${open(sql`a.name`)},
      g.c, g.r,
      d.slug, d.name, d.site_name,
      greatest(0, floor((floor(extract(epoch from drone_flights.landed_at) * 1000) - floor(extract(epoch from ${at}) * 1000)) / 60000 + 0.5)),
      ${open(minutesSql(sql`coalesce(drone_flights.dispatched_at, ${at})`, sql`drone_flights.on_scene_at`))},
      ${open(sql`drone_flights.outcome::text`)}, ${open(sql`drone_flights.first_on_scene`)},
      drone_flights.call_number is not null
    from drone_flights
    join call_categories on call_categories.code = drone_flights.category
    left join areas a on a.id = drone_flights.area_id
    left join drone_docks d on d.id = drone_flights.dock_id
    left join ${cellOfIdSql(cells)} g on g.id = drone_flights.id
    where ${publishableWhere(cut)}${inScopeSql(at, tz, scope)}`;
}

export type PublishedPath = { publicId: string; path: NonNullable<PubFlightRow["path"]> };

/**
 * The published path of every flight that has one: its recorded path truncated (see
 * lib/publish/rules/path.ts), clear of the zones around sensitive calls and sensitive flights' scenes.
 */
export async function publishedPaths(
  tx: DbOrTx,
  cut: Cutoffs,
  key: string,
  only?: { scope: Scope; timeZone: string },
): Promise<PublishedPath[]> {
  // Only the scenes near enough in time to the paths published (rules.pathSensitiveExclusion.hours
  // either side of a launch) matter: for some dates, those around them.
  const windows = only && !only.scope.full ? sceneWindows(only.scope.days, only.timeZone) : undefined;
  const zones = sensitiveExclusionIndex([
    ...(await loadSensitiveFlightScenes(tx, windows)),
    ...(await loadSensitiveScenes(tx, windows)),
  ]);
  const idOf = publicIdMaker("f", key);
  const sites = city().sensitiveSites;
  const out: PublishedPath[] = [];
  const within = only ? inScopeSql(sql`drone_flights.launched_at`, only.timeZone, only.scope) : sql``;
  for await (const flights of flightsWithPaths(tx, cut, 5000, within)) {
    for (const f of flights) {
      const dest = f.destLat !== null && f.destLon !== null ? { lat: f.destLat, lon: f.destLon } : null;
      const path = truncatePath({
        coordinates: f.points,
        dest,
        sensitive: false,
        avoidCells: exclusionFor(zones, f.launchedAt),
        avoidSites: sites,
      });
      if (path) out.push({ publicId: idOf(f.source, f.externalId), path: { type: "LineString", coordinates: path } });
    }
  }
  return out;
}

/** The instants within the exclusion window of a flight launched on one of `days` (with an hour to spare). */
function sceneWindows(days: string[], timeZone: string): SceneWindows {
  const margin = (rules.pathSensitiveExclusion.hours + 1) * 3600_000;
  return dayRanges(days, timeZone).map((r) => ({
    from: new Date(r.from.getTime() - margin),
    to: new Date(r.to.getTime() + margin),
  }));
}

/** Sets the published paths on the rows publishFlights wrote into `table`. */
export async function writePaths(tx: DbOrTx, table: string, paths: PublishedPath[]): Promise<void> {
  const batch = 5000;
  for (let i = 0; i < paths.length; i += batch) {
    const json = JSON.stringify(paths.slice(i, i + batch).map((p) => ({ id: p.publicId, path: p.path })));
    await tx.execute(
      sql`update ${sql.raw(ident(table))} f set path = x.path from jsonb_to_recordset(${json}::jsonb) as x(id text, path jsonb) where f.public_id = x.id`,
    );
  }
}
