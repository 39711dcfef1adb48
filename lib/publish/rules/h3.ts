// Place generalization: events are published as H3 cells at resolution 8; a cell with fewer
// than k events in the period is merged into its resolution-7 parent, and a parent still
// below k is suppressed. Sensitive events are never finer than resolution 7.
import { latLngToCell } from "h3-js";
import { rules } from "../rules";
import { cellTouchesSite, type SensitiveSite } from "./sensitive-sites";

export function cellOf(lat: number, lon: number, res: number = rules.h3Resolution): string {
  return latLngToCell(lat, lon, res);
}

export type CellEvent = { lat: number; lon: number; sensitive: boolean };

export type Generalization = {
  /** The cell an event publishes under: res 8, its res-7 parent, or null (suppressed). */
  cellFor(ev: CellEvent): string | null;
  /** cellFor of each event given to generalize, in the same order (computed once, not looked up again). */
  cellsOfEvents(): (string | null)[];
  /** Published counts per cell (res 8 cells with >= k events, res 7 parents for the rest). */
  counts: Map<string, number>;
  /**
   * The events whose published cell depends on whether one of `cells` reaches k: those whose res-8
   * cell is one of them, and those counted toward a parent that is (indices, in the order given).
   */
  eventsIn(cells: Set<string>): number[];
  /** Events in cells suppressed because even the parent had fewer than k. */
  suppressedEvents: number;
  suppressedCells: number;
};

/**
 * Decides the published cell for every event of a period. Counts are per period, so the same
 * point can publish at res 8 in a busy month and at res 7 in a quiet one. A res-8 cell at a
 * sensitive site (see cellTouchesSite) never publishes: its events count toward the res-7 parent.
 */
export function generalize(
  events: CellEvent[],
  k: number = rules.minCount,
  sites: readonly SensitiveSite[] = [],
): Generalization {
  const res8 = rules.h3Resolution;
  const coarseRes = Math.min(rules.h3ParentResolution, rules.sensitiveH3Resolution);
  // Each event's res-8 cell, and (for those not published at res 8) its coarse cell, computed once.
  const fineOf = events.map((e) => latLngToCell(e.lat, e.lon, res8));
  const blocked = new Map<string, boolean>();
  const atSite = (cell: string) => {
    let b = blocked.get(cell);
    if (b === undefined) blocked.set(cell, (b = cellTouchesSite(cell, sites)));
    return b;
  };
  const fine = new Map<string, number>();
  events.forEach((e, i) => {
    if (!e.sensitive && !(sites.length && atSite(fineOf[i]))) fine.set(fineOf[i], (fine.get(fineOf[i]) ?? 0) + 1);
  });
  const coarseOf: (string | null)[] = events.map((e, i) =>
    !e.sensitive && (fine.get(fineOf[i]) ?? 0) >= k ? null : latLngToCell(e.lat, e.lon, coarseRes),
  );
  const parentCounts = new Map<string, number>();
  for (const p of coarseOf) if (p !== null) parentCounts.set(p, (parentCounts.get(p) ?? 0) + 1);
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
  const publish = (fineCell: string, sensitive: boolean, coarse: () => string) => {
    if (!sensitive && (fine.get(fineCell) ?? 0) >= k) return fineCell;
    const p = coarse();
    return (parentCounts.get(p) ?? 0) >= k ? p : null;
  };
  return {
    cellFor: (e) => publish(latLngToCell(e.lat, e.lon, res8), e.sensitive, () => latLngToCell(e.lat, e.lon, coarseRes)),
    cellsOfEvents: () => events.map((e, i) => publish(fineOf[i], e.sensitive, () => coarseOf[i]!)),
    eventsIn: (cells) => {
      const out: number[] = [];
      for (let i = 0; i < events.length; i++) {
        const p = coarseOf[i];
        if (cells.has(fineOf[i]) || (p !== null && cells.has(p))) out.push(i);
      }
      return out;
    },
    counts,
    suppressedEvents,
    suppressedCells,
  };
}
