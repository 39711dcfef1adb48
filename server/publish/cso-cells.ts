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
import {
  COARSE_RESOLUTION,
  type CellGroup,
  type Generalization,
  type GroupGeneralization,
} from "../../lib/publish/rules/h3";

import { endedAtSql } from "./cso-source";

/** A located call with its two cells. */
export type LocatedCall = { id: number; date: string; fine: string; coarse: string; sensitive: boolean };

const COARSE_RES = COARSE_RESOLUTION();

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
