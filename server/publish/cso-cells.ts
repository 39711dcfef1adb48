import "server-only";
// Place generalization of CSO calls from grouped counts instead of one event per call: a call's
// published cell depends only on its resolution-8 cell, its coarse cell and its sensitivity, and on
// how many calls share them (lib/publish/rules/h3.ts). So the calls' counts per (fine, coarse,
// sensitive), kept per local date (publish_part_cso_cells) and summed, decide exactly what generalize
// decides over every call, without an H3 lookup per call on each publication.
import { sql, type SQL } from "drizzle-orm";
import { cellToBoundary, latLngToCell } from "h3-js";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { rules } from "../../lib/publish/rules";
import type { Generalization } from "../../lib/publish/rules/h3";
import { cellTouchesSite, type SensitiveSite } from "../../lib/publish/rules/sensitive-sites";
import { endedAtSql } from "./cso-source";

/** Calls sharing a resolution-8 cell, a coarse cell and a sensitivity. */
export type CellGroup = { fine: string; coarse: string; sensitive: boolean; n: number };
/** A located call with its two cells. */
export type LocatedCall = { id: number; date: string; fine: string; coarse: string; sensitive: boolean };

const COARSE_RES = Math.min(rules.h3ParentResolution, rules.sensitiveH3Resolution);

/** The two cells of a point, as generalize computes them. */
export function cellsOf(lat: number, lon: number): { fine: string; coarse: string } {
  return { fine: latLngToCell(lat, lon, rules.h3Resolution), coarse: latLngToCell(lat, lon, COARSE_RES) };
}

/** Calls grouped by (fine, coarse, sensitive), adding up `n` of repeated groups (negative n subtracts). */
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

export type GroupGeneralization = {
  /** Published counts per cell, as generalize's. */
  counts: Map<string, number>;
  suppressedCells: number;
  suppressedEvents: number;
  /** The cell a call of this group publishes under, or null (suppressed). */
  cellOf(g: Omit<CellGroup, "n">): string | null;
  /** Whether a call of this group changes cell when one of `cells` crosses k (generalize's eventsIn). */
  dependsOn(g: Omit<CellGroup, "n">, cells: Set<string>): boolean;
};

/**
 * generalize (lib/publish/rules/h3.ts) over grouped calls: the same counts, suppressed cells and
 * cell per call as generalize over the calls one by one.
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

/** The calls given, grouped: what a date's publish_part_cso_cells rows hold. */
export function groupCalls(calls: Omit<LocatedCall, "id" | "date">[]): CellGroup[] {
  return addGroups(calls.map((c) => ({ fine: c.fine, coarse: c.coarse, sensitive: c.sensitive, n: 1 })));
}

/**
 * The published located calls that `where` keeps (a condition on `a`, cso_activities, with its
 * leading "and"), with their local date and cells. Each travels as one text value (600,000 of them
 * on a full publication at scale 100).
 */
export async function locatedCalls(
  tx: DbOrTx,
  o: { cutoff: Date; timeZone: string; where: SQL },
): Promise<LocatedCall[]> {
  const rows = await queryRows<{ r: string }>(
    tx,
    sql`select concat_ws(',', a.id, to_char((a.received_at at time zone ${o.timeZone})::date, 'YYYY-MM-DD'),
        a.lat::float8::text, a.lon::float8::text, k.sensitive::int) as r
      from cso_activities a join call_categories k on k.code = a.category
      where ${endedAtSql(sql`a`)} <= ${o.cutoff.toISOString()}::timestamptz
        and a.lat is not null and a.lon is not null${o.where}`,
  );
  return rows.map(({ r }) => {
    const f = r.split(",");
    return { id: Number(f[0]), date: f[1], ...cellsOf(Number(f[2]), Number(f[3])), sensitive: f[4] === "1" };
  });
}

/**
 * A condition (leading "and") keeping the calls whose point lies in one of `cells`' bounding boxes
 * (a little wider): every call whose fine or coarse cell is one of them, among a few others.
 */
export function inCellsSql(cells: Iterable<string>): SQL {
  const boxes = [...cells].map((c) => {
    const b = cellToBoundary(c);
    const lats = b.map((p) => p[0]);
    const lons = b.map((p) => p[1]);
    const m = 1e-4;
    return sql`(a.lat between ${Math.min(...lats) - m} and ${Math.max(...lats) + m} and a.lon between ${Math.min(...lons) - m} and ${Math.max(...lons) + m})`;
  });
  return boxes.length ? sql` and (${sql.join(boxes, sql` or `)})` : sql` and false`;
}

/** A Generalization for refreshCells over `calls` (their published cells decided by `g`). */
export function asGeneralization(g: GroupGeneralization, calls: LocatedCall[]): Generalization {
  return {
    counts: g.counts,
    suppressedCells: g.suppressedCells,
    suppressedEvents: g.suppressedEvents,
    cellFor: (ev) => g.cellOf({ ...cellsOf(ev.lat, ev.lon), sensitive: ev.sensitive }),
    cellsOfEvents: () => calls.map((c) => g.cellOf(c)),
    eventsIn: (cells) => calls.flatMap((c, i) => (g.dependsOn(c, cells) ? [i] : [])),
  };
}
