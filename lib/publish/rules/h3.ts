// Place generalization: events are published as H3 cells at resolution 8; a cell with fewer
// than k events in the period is merged into its resolution-7 parent, and a parent still
// below k is suppressed. Sensitive events are never finer than resolution 7.
import { cellToLatLng, cellToBoundary, cellToParent, getResolution, latLngToCell } from "h3-js";
import { rules } from "../rules";

export function cellOf(lat: number, lon: number, res: number = rules.h3Resolution): string {
  return latLngToCell(lat, lon, res);
}

export type CellEvent = { lat: number; lon: number; sensitive: boolean };

export type Generalization = {
  /** The cell an event publishes under: res 8, its res-7 parent, or null (suppressed). */
  cellFor(ev: CellEvent): string | null;
  /** Published counts per cell (res 8 cells with >= k events, res 7 parents for the rest). */
  counts: Map<string, number>;
  /** Events in cells suppressed because even the parent had fewer than k. */
  suppressedEvents: number;
  suppressedCells: number;
};

/**
 * Decides the published cell for every event of a period. Counts are per period, so the same
 * point can publish at res 8 in a busy month and at res 7 in a quiet one.
 */
export function generalize(events: CellEvent[], k: number = rules.minCount): Generalization {
  const res8 = rules.h3Resolution;
  const res7 = rules.h3ParentResolution;
  const fine = new Map<string, number>();
  for (const e of events) {
    if (e.sensitive) continue;
    const c = latLngToCell(e.lat, e.lon, res8);
    fine.set(c, (fine.get(c) ?? 0) + 1);
  }
  const parentCounts = new Map<string, number>();
  const coarseOf = (e: CellEvent) => latLngToCell(e.lat, e.lon, Math.min(res7, rules.sensitiveH3Resolution));
  for (const e of events) {
    const c8 = latLngToCell(e.lat, e.lon, res8);
    if (!e.sensitive && (fine.get(c8) ?? 0) >= k) continue;
    const p = coarseOf(e);
    parentCounts.set(p, (parentCounts.get(p) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [c, n] of fine) if (n >= k) counts.set(c, n);
  let suppressedEvents = 0;
  let suppressedCells = 0;
  for (const [p, n] of parentCounts) {
    if (n >= k) counts.set(p, n);
    else {
      suppressedEvents += n;
      suppressedCells += 1;
    }
  }
  return {
    cellFor(e) {
      const c8 = latLngToCell(e.lat, e.lon, res8);
      if (!e.sensitive && (fine.get(c8) ?? 0) >= k) return c8;
      const p = coarseOf(e);
      return (parentCounts.get(p) ?? 0) >= k ? p : null;
    },
    counts,
    suppressedEvents,
    suppressedCells,
  };
}

/** The coarse cell a sensitive event may show (never finer than res 7). */
export function sensitiveCell(lat: number, lon: number): string {
  return latLngToCell(lat, lon, rules.sensitiveH3Resolution);
}

/** A cell's outline as [lon, lat] pairs (GeoJSON order), closed. */
export function cellPolygon(cell: string): [number, number][] {
  const b = cellToBoundary(cell, true) as [number, number][];
  return [...b, b[0]];
}

export function cellCenter(cell: string): { lat: number; lon: number } {
  const [lat, lon] = cellToLatLng(cell);
  return { lat, lon };
}

export function parentCell(cell: string, res: number = rules.h3ParentResolution): string {
  return getResolution(cell) <= res ? cell : cellToParent(cell, res);
}
