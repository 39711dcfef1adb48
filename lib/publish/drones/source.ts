// Reading raw flights for publication: only flights past their publication delay, and never
// the columns that must not leave the raw tables (pilot, call number, description).
import { and, asc, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import { callCategories, csoActivities, droneFlights } from "../../../db/schema";
import type { DbOrTx } from "../../../db/client";
import { pointsOf, type FlatPoints } from "../rules/path";

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

/** The published flights (past their delay), in id order. */
export async function loadFlightPlaces(tx: DbOrTx, c: Cutoffs): Promise<FlightPlace[]> {
  return tx
    .select({
      id: droneFlights.id,
      source: droneFlights.source,
      externalId: droneFlights.externalId,
      sensitive: isSensitive.mapWith(Boolean),
      launchedAt: droneFlights.launchedAt,
      destLat: droneFlights.destLat,
      destLon: droneFlights.destLon,
    })
    .from(droneFlights)
    .innerJoin(callCategories, eq(callCategories.code, droneFlights.category))
    .where(publishableWhere(c))
    .orderBy(asc(droneFlights.id));
}

/** Recorded paths of the flights with these ids (those whose path may be published), as flat points. */
export async function loadPaths(tx: DbOrTx, ids: number[]): Promise<Map<number, FlatPoints>> {
  const rows = await tx
    .select({ id: droneFlights.id, xy: droneFlights.pathXy })
    .from(droneFlights)
    .where(and(sql`${droneFlights.id} = any(${`{${ids.join(",")}}`}::int[])`, isNotNull(droneFlights.pathXy)));
  return new Map(rows.map((r) => [r.id, pointsOf(r.xy!)]));
}

/** Exact scenes of sensitive CSO calls (raw only): published paths keep clear of them too. */
export async function loadSensitiveScenes(tx: DbOrTx): Promise<{ lat: number; lon: number; at: Date }[]> {
  const rows = await tx.select({ lat: csoActivities.lat, lon: csoActivities.lon, at: csoActivities.receivedAt }).from(csoActivities)
    .innerJoin(callCategories, eq(callCategories.code, csoActivities.category))
    .where(and(eq(callCategories.sensitive, true), isNotNull(csoActivities.lat), isNotNull(csoActivities.lon)));
  return rows.map((r) => ({ lat: r.lat!, lon: r.lon!, at: r.at }));
}
