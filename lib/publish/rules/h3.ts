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

/** Events sharing a resolution-8 cell, a coarse cell and a sensitivity, and how many they are. */
export type CellGroup = { fine: string; coarse: string; sensitive: boolean; n: number };

/** The coarse resolution events fall back to: the parent's, and never finer than a sensitive event's. */
export const COARSE_RESOLUTION = () => Math.min(rules.h3ParentResolution, rules.sensitiveH3Resolution);

/** The two cells generalization decides on for a point: its resolution-8 cell and its coarse one. */
export function cellsOf(lat: number, lon: number): { fine: string; coarse: string } {
  return { fine: latLngToCell(lat, lon, rules.h3Resolution), coarse: latLngToCell(lat, lon, COARSE_RESOLUTION()) };
}

/** Groups added up: the `n` of groups sharing cells and sensitivity summed (a negative n subtracts); empty groups left out. */
export function addGroups(...lists: CellGroup[][]): CellGroup[] {
  const m = new Map<string, CellGroup>();
  for (const list of lists)
    for (const g of list) {
      const k = `${g.fine}|${g.coarse}|${g.sensitive ? 1 : 0}`;
      const had = m.get(k);
      if (had) had.n += g.n;
      else m.set(k, { ...g });
    }
  return [...m.values()].filter((g) => g.n !== 0);
}

/** Events (each given by its two cells and sensitivity) grouped, one count per group. */
export function groupCells(events: Omit<CellGroup, "n">[]): CellGroup[] {
  return addGroups(events.map((e) => ({ fine: e.fine, coarse: e.coarse, sensitive: e.sensitive, n: 1 })));
}

/**
 * Decides the published cell for every event of a period. Counts are per period, so the same
 * point can publish at res 8 in a busy month and at res 7 in a quiet one. A res-8 cell at a
 * sensitive site (see cellTouchesSite) never publishes: its events count toward the res-7 parent.
 * An event's published cell depends only on its two cells, its sensitivity and how many events
 * share them, so this is generalizeGroups over the events grouped that way.
 */
export function generalize(
  events: CellEvent[],
  k: number = rules.minCount,
  sites: readonly SensitiveSite[] = [],
): Generalization {
  const groupOf = events.map((e) => ({ ...cellsOf(e.lat, e.lon), sensitive: e.sensitive }));
  const groups = groupCells(groupOf);
  const gen = generalizeGroups(groups, k, sites);
  return {
    cellFor: (e) => gen.cellOf({ ...cellsOf(e.lat, e.lon), sensitive: e.sensitive }),
    cellsOfEvents: () => groupOf.map((g) => gen.cellOf(g)),
    eventsIn: (cells) => {
      const out: number[] = [];
      for (let i = 0; i < groupOf.length; i++) if (gen.dependsOn(groupOf[i], cells)) out.push(i);
      return out;
    },
    counts: gen.counts,
    suppressedEvents: gen.suppressedEvents,
    suppressedCells: gen.suppressedCells,
  };
}

export type GroupGeneralization = {
  /** Published counts per cell (res 8 cells with >= k events, coarse parents for the rest). */
  counts: Map<string, number>;
  suppressedCells: number;
  suppressedEvents: number;
  /** The cell an event of this group publishes under, or null (suppressed). */
  cellOf(g: Omit<CellGroup, "n">): string | null;
  /** Whether an event of this group changes cell when one of `cells` crosses k (see eventsIn). */
  dependsOn(g: Omit<CellGroup, "n">, cells: Set<string>): boolean;
};

/**
 * The generalization rule over events grouped by (fine cell, coarse cell, sensitivity): the
 * publisher keeps such counts per local date (CSO calls, publish_part_cso_cells) and decides the
 * cells from their sums, without locating every event again.
 */
export function generalizeGroups(
  groups: CellGroup[],
  k: number = rules.minCount,
  sites: readonly SensitiveSite[] = [],
): GroupGeneralization {
  const blocked = new Map<string, boolean>();
  const atSite = (cell: string) => {
    let b = blocked.get(cell);
    if (b === undefined) blocked.set(cell, (b = cellTouchesSite(cell, sites)));
    return b;
  };
  const fine = new Map<string, number>();
  for (const g of groups)
    if (!g.sensitive && !(sites.length && atSite(g.fine))) fine.set(g.fine, (fine.get(g.fine) ?? 0) + g.n);
  const isFine = (g: Omit<CellGroup, "n">) => !g.sensitive && (fine.get(g.fine) ?? 0) >= k;
  const parents = new Map<string, number>();
  for (const g of groups) if (!isFine(g)) parents.set(g.coarse, (parents.get(g.coarse) ?? 0) + g.n);
  const counts = new Map<string, number>();
  for (const [c, n] of fine) if (n >= k) counts.set(c, n);
  let suppressedCells = 0;
  let suppressedEvents = 0;
  for (const [p, n] of parents) {
    if (n >= k) counts.set(p, n);
    else {
      suppressedEvents += n;
      suppressedCells += 1;
    }
  }
  return {
    counts,
    suppressedCells,
    suppressedEvents,
    cellOf: (g) => (isFine(g) ? g.fine : (parents.get(g.coarse) ?? 0) >= k ? g.coarse : null),
    dependsOn: (g, cells) => cells.has(g.fine) || (!isFine(g) && cells.has(g.coarse)),
  };
}
