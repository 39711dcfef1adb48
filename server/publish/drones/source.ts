import "server-only";
// Reading raw flights for publication: only flights past their publication delay, and never
// the columns that must not leave the raw tables (pilot, call number, description).
import { and, eq, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { callCategories, csoActivities, droneFlights } from "../../../db/schema";
import type { DbOrTx } from "../../../db/client";
import { queryRows } from "../../../db/sql";
import { pointsOf, type FlatPoints } from "../../../lib/publish/rules/path";
import { cellsOf } from "../../../lib/publish/rules/h3";
import type { Located } from "../scope-sql";

export type Cutoffs = { normal: Date; sensitive: Date };

/** A flight is sensitive if flagged, or if its category is. */
export const isSensitive = sql<boolean>`(${droneFlights.sensitive} or ${callCategories.sensitive})`;

/** Published flights: landed before the cutoff for their kind (24 h; sensitive 7 days). */
export function publishableWhere(c: Cutoffs) {
  return or(
    and(sql`not ${isSensitive}`, lte(droneFlights.landedAt, c.normal)),
    and(isSensitive, lte(droneFlights.landedAt, c.sensitive)),
  );
}

/** What the flight log's cells, the paths and the activity map need of each published flight. */
export type FlightPlace = {
  id: number;
  source: string;
  externalId: string;
  sensitive: boolean;
  launchedAt: Date;
  destLat: number | null;
  destLon: number | null;
};

type PlaceRow = {
  id: number;
  source: string;
  external_id: string;
  sensitive: boolean;
  ms: number;
  lat: number | null;
  lon: number | null;
};

/** Flights with their category (isSensitive reads both), for the plain-row queries below. */
const flightsWithCategory = sql`drone_flights join call_categories on call_categories.code = drone_flights.category`;
/** The launch as epoch milliseconds (a number, not timestamp text to parse). */
const launchedMs = sql`floor(extract(epoch from drone_flights.launched_at) * 1000)::float8`;

/** The columns of FlightPlace, as plain values (no row mapping, instants as epoch milliseconds). */
const placeColumns = sql`drone_flights.id::float8 as id, drone_flights.source, drone_flights.external_id, ${isSensitive} as sensitive,
  ${launchedMs} as ms, drone_flights.dest_lat as lat, drone_flights.dest_lon as lon`;

const toPlace = (r: PlaceRow): FlightPlace => ({
  id: Number(r.id),
  source: r.source,
  externalId: r.external_id,
  sensitive: Boolean(r.sensitive),
  launchedAt: new Date(Number(r.ms)),
  destLat: r.lat === null ? null : Number(r.lat),
  destLon: r.lon === null ? null : Number(r.lon),
});

/** A published flight with a destination: its place as generalization sees it, and the point itself. */
export type LocatedFlight = Located & { lat: number; lon: number };

/**
 * The published flights with a destination that `within` keeps (a further condition with its leading
 * "and"), in id order, with their local launch date and cells. Each travels as one text value.
 */
export async function locatedFlights(
  tx: DbOrTx,
  c: Cutoffs,
  timeZone: string,
  within: SQL = sql``,
): Promise<LocatedFlight[]> {
  const rows = await queryRows<{ r: string }>(
    tx,
    sql`select concat_ws(',', drone_flights.id, to_char((drone_flights.launched_at at time zone ${timeZone})::date, 'YYYY-MM-DD'),
        drone_flights.dest_lat::float8::text, drone_flights.dest_lon::float8::text, (${isSensitive})::int) as r
    from ${flightsWithCategory}
    where ${publishableWhere(c)} and drone_flights.dest_lat is not null and drone_flights.dest_lon is not null${within}
    order by drone_flights.id`,
  );
  return rows.map(({ r }) => {
    const f = r.split(",");
    const lat = Number(f[2]);
    const lon = Number(f[3]);
    return { id: Number(f[0]), date: f[1], ...cellsOf(lat, lon), sensitive: f[4] === "1", lat, lon };
  });
}

/**
 * The published flights that may publish a path (not sensitive, with a recorded one), with their
 * points (see pointsOf), `batch` flights at a time in id order: the points of every flight at once
 * would be hundreds of megabytes at scale 100.
 */
export async function* flightsWithPaths(
  tx: DbOrTx,
  c: Cutoffs,
  batch = 5000,
  /** A further condition, with its leading "and" (see inScopeSql). */
  within: SQL = sql``,
): AsyncGenerator<(FlightPlace & { points: FlatPoints })[]> {
  let after = -1;
  for (;;) {
    const rows = await queryRows<PlaceRow & { xy: Uint8Array }>(
      tx,
      sql`select ${placeColumns}, drone_flights.path_xy as xy
      from ${flightsWithCategory}
      where drone_flights.id > ${after} and not ${isSensitive} and drone_flights.landed_at <= ${c.normal.toISOString()}::timestamptz
        and drone_flights.path_xy is not null${within}
      order by drone_flights.id limit ${batch}`,
    );
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    yield rows.map((r) => ({ ...toPlace(r), points: pointsOf(r.xy) }));
    if (rows.length < batch) return;
  }
}

/** Instant ranges a scene must fall in to matter (none: every scene matters). */
export type SceneWindows = { from: Date; to: Date }[];

/** A condition (with its leading "and") keeping the instants at `col` inside one of the windows. */
function windowsSql(col: SQL, within: SceneWindows | undefined): SQL {
  if (!within) return sql``;
  if (within.length === 0) return sql` and false`;
  const ranges = within.map(
    (w) => sql`(${col} >= ${w.from.toISOString()}::timestamptz and ${col} <= ${w.to.toISOString()}::timestamptz)`,
  );
  return sql` and (${sql.join(ranges, sql` or `)})`;
}

/**
 * Scenes of every sensitive flight with a recorded destination, published or still within its
 * delay: published paths keep clear of them (a path near a recent sensitive scene would show
 * what the delay hides).
 */
export async function loadSensitiveFlightScenes(
  tx: DbOrTx,
  within?: SceneWindows,
): Promise<{ lat: number; lon: number; at: Date }[]> {
  const rows = await queryRows<{ lat: number; lon: number; ms: number }>(
    tx,
    sql`select drone_flights.dest_lat as lat, drone_flights.dest_lon as lon, ${launchedMs} as ms
    from ${flightsWithCategory}
    where ${isSensitive} and drone_flights.dest_lat is not null and drone_flights.dest_lon is not null${windowsSql(sql`drone_flights.launched_at`, within)}`,
  );
  return rows.map((r) => ({ lat: Number(r.lat), lon: Number(r.lon), at: new Date(Number(r.ms)) }));
}

/** Exact scenes of sensitive CSO calls (raw only): published paths keep clear of them too. */
export async function loadSensitiveScenes(
  tx: DbOrTx,
  within?: SceneWindows,
): Promise<{ lat: number; lon: number; at: Date }[]> {
  const rows = await tx
    .select({ lat: csoActivities.lat, lon: csoActivities.lon, at: csoActivities.receivedAt })
    .from(csoActivities)
    .innerJoin(callCategories, eq(callCategories.code, csoActivities.category))
    .where(
      and(
        eq(callCategories.sensitive, true),
        isNotNull(csoActivities.lat),
        isNotNull(csoActivities.lon),
        sql`true${windowsSql(sql`${csoActivities.receivedAt}`, within)}`,
      ),
    );
  return rows.map((r) => ({ lat: r.lat!, lon: r.lon!, at: r.at }));
}
