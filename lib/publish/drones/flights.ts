// Per-flight published rows: public id, rounded time, category, generalized place, dock,
// duration, time to scene, outcome and a truncated path. Sensitive flights keep only the
// launch site, the day, the duration and the category.
import { getResolution } from "h3-js";
import { pubFlights } from "../../../db/schema";
import type { DbOrTx } from "../../../db/client";
import { generalize } from "../rules/h3";
import { exclusionFor, sensitiveExclusionIndex, truncatePath, type CellSet } from "../rules/path";
import { publicIdMaker } from "../rules/public-id";
import { dateOf, publicTime, weekOf, zonedParts } from "../rules/time";
import { loadPaths, loadSensitiveScenes, type Reference, type SourceFlight } from "./source";
import { insertJsonRows } from "../../../db/sql";

type PubFlightRow = typeof pubFlights.$inferInsert;

export function timeToSceneMin(f: Pick<SourceFlight, "dispatchedAt" | "launchedAt" | "onSceneAt">): number | null {
  if (!f.onSceneAt) return null;
  const start = f.dispatchedAt ?? f.launchedAt;
  return Math.round((f.onSceneAt.getTime() - start.getTime()) / 6000) / 10;
}

/** Writes the published flights into `table` (the flight log's table being rebuilt). */
export async function publishFlights(tx: DbOrTx, table: string, flights: SourceFlight[], ref: Reference, key: string, timeZone: string): Promise<{ rows: number; cellsSuppressed: number }> {
  const located = flights.filter((f) => f.destLat !== null && f.destLon !== null);
  const g = generalize(located.map((f) => ({ lat: f.destLat!, lon: f.destLon!, sensitive: f.sensitive })));
  const zones = sensitiveExclusionIndex([...located.filter((f) => f.sensitive).map((f) => ({ lat: f.destLat!, lon: f.destLon!, at: f.launchedAt })), ...(await loadSensitiveScenes(tx))]);
  // Each flight's published cell, decided once over the whole record (null: none or suppressed).
  const cellOfLocated = g.cellsOfEvents();
  const byId = new Map(located.map((f, i) => [f.id, cellOfLocated[i]]));
  const cells = flights.map((f) => byId.get(f.id) ?? null);
  const idOf = publicIdMaker("f", key);
  let written = 0;
  const batch = 5000;
  for (let i = 0; i < flights.length; i += batch) {
    const chunk = flights.slice(i, i + batch);
    const nonSensitive = chunk.filter((f) => !f.sensitive);
    const paths = nonSensitive.length ? await loadPaths(tx, nonSensitive[0].id, nonSensitive[nonSensitive.length - 1].id) : new Map();
    const rows = chunk.map((f, j) => toRow(f, ref, idOf, timeZone, cells[i + j], paths.get(f.id), exclusionFor(zones, f.launchedAt)));
    await insertJsonRows(tx, pubFlights, rows, { into: table });
    written += rows.length;
  }
  return { rows: written, cellsSuppressed: g.suppressedCells };
}

function toRow(
  f: SourceFlight, ref: Reference, idOf: (source: string, externalId: string) => string, timeZone: string,
  cell: string | null,
  coords: [number, number][] | undefined,
  avoidCells: CellSet,
): PubFlightRow {
  const cat = ref.categories.get(f.category);
  const area = f.areaId !== null ? ref.areas.get(f.areaId) : undefined;
  const dock = f.dockId !== null ? ref.docks.get(f.dockId) : undefined;
  const local = zonedParts(f.launchedAt, timeZone);
  const t = publicTime(f.launchedAt, timeZone, f.sensitive, local);
  const dest = f.destLat !== null && f.destLon !== null ? { lat: f.destLat, lon: f.destLon } : null;
  const path = !f.sensitive && coords ? truncatePath({ coordinates: coords, dest, sensitive: false, avoidCells }) : null;
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
    path: path ? { type: "LineString", coordinates: path } : null,
  };
}
