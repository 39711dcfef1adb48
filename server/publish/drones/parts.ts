import "server-only";
// The drone rollups' partial aggregates per local date (db/schema/published-drone-parts.ts):
// written for the publication's scope beside pub_flights (every date on a full publication, the
// rewritten dates on an incremental one), and, for the dates at a period's edges, counted from the
// flights themselves, since a period begins and ends at an instant, not at midnight.
import { latLngToCell } from "h3-js";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import type { ShadowTables } from "../../../db/shadow";
import { queryRows } from "../../../db/sql";
import type { Scope } from "../../../lib/publish/incremental";
import { rules } from "../../../lib/publish/rules";
import type { CellEvent } from "../../../lib/publish/rules/h3";
import { inScopeSql, writeRows } from "../scope-sql";
import { baseFlights, countRowsSql, inPeriod, ttsRowsSql, type Period } from "./rollup-sql";
import { loadFlightPlaces, type Cutoffs } from "./source";

export const PARTS = {
  counts: "publish_part_drones_counts",
  tts: "publish_part_drones_tts",
  cells: "publish_part_drones_cells",
} as const;
/** The partial tables this publication's rollups read: the rebuilt ones, or the served ones rewritten in place. */
export type PartNames = Record<keyof typeof PARTS, string>;

/** The published flights of some local dates, as baseFlights' columns (every flight for a full scope). */
function baseOf(cut: Cutoffs, timeZone: string, scope: Scope, also: SQL = sql``): SQL {
  return sql`select * from (${baseFlights(cut, timeZone)}) f where true${inScopeSql(sql`f.launched_at`, timeZone, scope)}${also}`;
}

const COARSE_RES = Math.min(rules.h3ParentResolution, rules.sensitiveH3Resolution);

/**
 * Writes the partials of the scope's dates (all of them for a full scope: rebuilt beside the served
 * tables and swapped in with pub_flights). Returns the tables the rollups are to read.
 */
export async function writeParts(
  tx: DbOrTx,
  shadow: ShadowTables,
  cut: Cutoffs,
  timeZone: string,
  scope: Scope,
): Promise<PartNames> {
  const rows = baseOf(cut, timeZone, scope);
  await writeRows(shadow, PARTS.counts, ["local_date", "dim", "key", "label", "n"], countRowsSql(rows), scope);
  await writeRows(shadow, PARTS.tts, ["local_date", "category", "tts", "n"], ttsRowsSql(rows), scope);
  // Destinations by the two cells generalization decides on (lib/publish/rules/h3.ts: the
  // resolution-8 cell and the coarse one), computed here in JS as it computes them.
  const located = await queryRows<{ d: string; sens: boolean; lat: number; lon: number }>(
    tx,
    sql`select to_char(local_ts::date, 'YYYY-MM-DD') as d, sens, dest_lat as lat, dest_lon as lon
      from (${rows}) x where dest_lat is not null and dest_lon is not null order by id`,
  );
  const groups = new Map<
    string,
    { d: string; fine: string; coarse: string; sens: boolean; lat: number; lon: number; n: number }
  >();
  for (const r of located) {
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    const fine = latLngToCell(lat, lon, rules.h3Resolution);
    const coarse = latLngToCell(lat, lon, COARSE_RES);
    const sens = Boolean(r.sens);
    const k = `${r.d}|${fine}|${coarse}|${sens}`;
    const g = groups.get(k);
    if (g) g.n += 1;
    else groups.set(k, { d: r.d, fine, coarse, sens, lat, lon, n: 1 });
  }
  let cells: string = PARTS.cells;
  if (scope.full) cells = await shadow.create(PARTS.cells);
  else if (scope.days.length)
    await tx.execute(
      sql`delete from ${sql.identifier(PARTS.cells)} where local_date = any(${`{${scope.days.join(",")}}`}::date[])`,
    );
  const all = [...groups.values()];
  for (let i = 0; i < all.length; i += 5000)
    await tx.execute(
      sql`insert into ${sql.identifier(cells)} (local_date, fine, coarse, sensitive, lat, lon, n)
        select x.d, x.fine, x.coarse, x.sens, x.lat, x.lon, x.n
        from jsonb_to_recordset(${JSON.stringify(all.slice(i, i + 5000))}::jsonb)
          as x(d date, fine text, coarse text, sens boolean, lat float8, lon float8, n int)`,
    );
  if (scope.full) for (const t of Object.values(PARTS)) await shadow.index(t);
  return {
    counts: shadow.nameOf(PARTS.counts),
    tts: shadow.nameOf(PARTS.tts),
    cells,
  };
}

/** A period's first and last local dates (the first is null for a period with no start). */
export type PeriodDays = { first: string | null; last: string };

/** What a period's edge dates hold of the period: counted from the flights, not the partials. */
export type PeriodEdges = {
  days: PeriodDays;
  counts: { local_date: string; dim: string; key: string; label: string; n: number }[];
  /** Times to scene as text (float8's exact text form), so that they sum back to the same value. */
  tts: { local_date: string; category: string; tts: string; n: number }[];
  cells: CellEvent[];
};

/**
 * The edge dates of each period (the dates of its start and end instants), counted from the
 * published flights inside the period. In the build, so that they come from the same snapshot as
 * the partials.
 */
export async function periodEdges(
  tx: DbOrTx,
  cut: Cutoffs,
  timeZone: string,
  periods: Period[],
): Promise<Record<string, PeriodEdges>> {
  const out: Record<string, PeriodEdges> = {};
  for (const p of periods) {
    const ts = (d: Date | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`null::timestamptz`);
    const [days] = await queryRows<PeriodDays>(
      tx,
      sql`select to_char((${ts(p.from)} at time zone ${timeZone})::date, 'YYYY-MM-DD') as first,
        to_char((${ts(p.to)} at time zone ${timeZone})::date, 'YYYY-MM-DD') as last`,
    );
    const edge: Scope = { full: false, days: [...new Set([days.first, days.last].filter((d) => d !== null))] };
    const rows = baseOf(cut, timeZone, edge, sql` and ${inPeriod(p)}`);
    const counts = await queryRows<PeriodEdges["counts"][number]>(
      tx,
      sql`select to_char(s.local_date, 'YYYY-MM-DD') as local_date, s.dim, s.key, s.label, s.n
        from (${countRowsSql(rows)}) as s(local_date, dim, key, label, n)`,
    );
    const tts = await queryRows<PeriodEdges["tts"][number]>(
      tx,
      sql`select to_char(s.local_date, 'YYYY-MM-DD') as local_date, s.category, s.tts::text as tts, s.n
        from (${ttsRowsSql(rows)}) as s(local_date, category, tts, n)`,
    );
    // The map's events exactly as the whole-record rollup chose them: a destination, launched in the period.
    const places = await loadFlightPlaces(tx, cut, inScopeSql(sql`drone_flights.launched_at`, timeZone, edge));
    const cells = places
      .filter((f) => f.destLat !== null && (!p.from || f.launchedAt > p.from) && f.launchedAt <= p.to)
      .map((f) => ({ lat: f.destLat!, lon: f.destLon!, sensitive: f.sensitive }));
    out[p.name] = { days, counts: counts.map((c) => ({ ...c, n: Number(c.n) })), tts, cells };
  }
  return out;
}
