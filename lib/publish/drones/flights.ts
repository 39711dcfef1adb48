// Per-flight published rows: public id, rounded time, category, generalized place, dock,
// duration, time to scene, outcome and a truncated path. Sensitive flights keep only the
// launch site, the day, the duration and the category.
//
// The rows and the paths are built apart (see the drones publisher): the paths are most of the
// work in Node (parsing every recorded path, then truncating it), and building them beside the
// rows, on a connection of their own, lets the two run on both cores.
import { getResolution } from "h3-js";
import { pubFlights } from "../../../db/schema";
import type { DbOrTx } from "../../../db/client";
import { generalize } from "../rules/h3";
import { exclusionFor, sensitiveExclusionIndex, truncatePath, type CellSet } from "../rules/path";
import { publicIdMaker } from "../rules/public-id";
import { dateOf, publicTime, weekOf, zonedParts } from "../rules/time";
import { loadPathFlights, loadPaths, loadSensitiveScenes, type Cutoffs, type Reference, type SourceFlight } from "./source";
import { ident, insertJsonRows } from "../../../db/sql";
import { sql } from "drizzle-orm";

type PubFlightRow = typeof pubFlights.$inferInsert;

export function timeToSceneMin(f: Pick<SourceFlight, "dispatchedAt" | "launchedAt" | "onSceneAt">): number | null {
  if (!f.onSceneAt) return null;
  const start = f.dispatchedAt ?? f.launchedAt;
  return Math.round((f.onSceneAt.getTime() - start.getTime()) / 6000) / 10;
}

/** Writes the published flights, without their paths, into `table` (the flight log's table being rebuilt). */
export async function publishFlights(tx: DbOrTx, table: string, flights: SourceFlight[], ref: Reference, key: string, timeZone: string): Promise<{ rows: number; cellsSuppressed: number }> {
  const located = flights.filter((f) => f.destLat !== null && f.destLon !== null);
  const g = generalize(located.map((f) => ({ lat: f.destLat!, lon: f.destLon!, sensitive: f.sensitive })));
  // Each flight's published cell, decided once over the whole record (null: none or suppressed).
  const cellOfLocated = g.cellsOfEvents();
  const byId = new Map(located.map((f, i) => [f.id, cellOfLocated[i]]));
  const idOf = publicIdMaker("f", key);
  const batch = 5000;
  for (let i = 0; i < flights.length; i += batch) {
    const rows = flights.slice(i, i + batch).map((f) => toRow(f, ref, idOf, timeZone, byId.get(f.id) ?? null));
    await insertJsonRows(tx, pubFlights, rows, { into: table });
  }
  return { rows: flights.length, cellsSuppressed: g.suppressedCells };
}

export type PublishedPath = { publicId: string; path: NonNullable<PubFlightRow["path"]> };

/**
 * The published path of every flight that has one: its recorded path truncated (see
 * lib/publish/rules/path.ts), clear of the zones around sensitive calls and sensitive flights' scenes.
 */
export async function publishedPaths(tx: DbOrTx, cut: Cutoffs, key: string): Promise<PublishedPath[]> {
  const flights = await loadPathFlights(tx, cut);
  const sensitiveScenes = flights.filter((f) => f.sensitive && f.destLat !== null && f.destLon !== null).map((f) => ({ lat: f.destLat!, lon: f.destLon!, at: f.launchedAt }));
  const zones = sensitiveExclusionIndex([...sensitiveScenes, ...(await loadSensitiveScenes(tx))]);
  const idOf = publicIdMaker("f", key);
  const open = flights.filter((f) => !f.sensitive);
  const out: PublishedPath[] = [];
  const batch = 5000;
  for (let i = 0; i < open.length; i += batch) {
    const chunk = open.slice(i, i + batch);
    const paths = await loadPaths(tx, chunk[0].id, chunk[chunk.length - 1].id);
    for (const f of chunk) {
      const coords = paths.get(f.id);
      if (!coords) continue;
      const path = flightPath(f, coords, exclusionFor(zones, f.launchedAt));
      if (path) out.push({ publicId: idOf(f.source, f.externalId), path: { type: "LineString", coordinates: path } });
    }
  }
  return out;
}

function flightPath(f: Pick<SourceFlight, "destLat" | "destLon">, coords: [number, number][], avoidCells: CellSet) {
  const dest = f.destLat !== null && f.destLon !== null ? { lat: f.destLat, lon: f.destLon } : null;
  return truncatePath({ coordinates: coords, dest, sensitive: false, avoidCells });
}

/** Sets the published paths on the rows publishFlights wrote into `table`. */
export async function writePaths(tx: DbOrTx, table: string, paths: PublishedPath[]): Promise<void> {
  const batch = 5000;
  for (let i = 0; i < paths.length; i += batch) {
    const json = JSON.stringify(paths.slice(i, i + batch).map((p) => ({ id: p.publicId, path: p.path })));
    await tx.execute(sql`update ${sql.raw(ident(table))} f set path = x.path from jsonb_to_recordset(${json}::jsonb) as x(id text, path jsonb) where f.public_id = x.id`);
  }
}

function toRow(
  f: SourceFlight, ref: Reference, idOf: (source: string, externalId: string) => string, timeZone: string,
  cell: string | null,
): PubFlightRow {
  const cat = ref.categories.get(f.category);
  const area = f.areaId !== null ? ref.areas.get(f.areaId) : undefined;
  const dock = f.dockId !== null ? ref.docks.get(f.dockId) : undefined;
  const local = zonedParts(f.launchedAt, timeZone);
  const t = publicTime(f.launchedAt, timeZone, f.sensitive, local);
  return {
    publicId: idOf(f.source, f.externalId),
    startedAt: t.at,
    timePrecision: t.precision,
    localDate: dateOf(local),
    weekStart: weekOf(local),
    localHour: f.sensitive ? null : local.hour,
    category: f.category,
    categoryLabel: cat?.label ?? f.category,
    sensitive: f.sensitive,
    areaSlug: f.sensitive ? null : area?.slug ?? null,
    areaName: f.sensitive ? null : area?.name ?? null,
    h3Cell: cell,
    h3Res: cell ? getResolution(cell) : null,
    dockSlug: dock?.slug ?? null,
    dockName: dock?.name ?? null,
    dockSite: dock?.siteName ?? null,
    durationMin: Math.max(0, Math.round((f.landedAt.getTime() - f.launchedAt.getTime()) / 60000)),
    timeToSceneMin: f.sensitive ? null : timeToSceneMin(f),
    outcome: f.sensitive ? null : f.outcome,
    firstOnScene: f.sensitive ? null : f.firstOnScene,
    linkedToCall: f.linkedToCall,
    path: null,
  };
}
