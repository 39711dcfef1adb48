import "server-only";
// The drone rollups' partial aggregates per local date (db/schema/published-drone-parts.ts):
// written for the publication's scope beside pub_flights (every date on a full publication, the
// rewritten dates on an incremental one), and, for the dates at a period's edges, counted from the
// flights themselves, since a period begins and ends at an instant, not at midnight.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import type { ShadowTables } from "../../../db/shadow";
import { queryRows } from "../../../db/sql";
import type { Scope } from "../../../lib/publish/incremental";
import { groupCells, type CellGroup } from "../../../lib/publish/rules/h3";
import { inScopeSql, writeRows } from "../scope-sql";
import { baseFlights, countRowsSql, inPeriod, ttsRowsSql, type Period } from "./rollup-sql";
import { locatedFlights, type Cutoffs, type LocatedFlight } from "./source";

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

/**
 * Writes the partials of the scope's dates (all of them for a full scope: rebuilt beside the served
 * tables and swapped in with pub_flights). `located` are the scope's published flights with a
 * destination (locatedFlights). Returns the tables the rollups are to read.
 */
export async function writeParts(
  tx: DbOrTx,
  shadow: ShadowTables,
  cut: Cutoffs,
  timeZone: string,
  scope: Scope,
  located: LocatedFlight[],
): Promise<PartNames> {
  const rows = baseOf(cut, timeZone, scope);
  await writeRows(shadow, PARTS.counts, ["local_date", "dim", "key", "label", "n"], countRowsSql(rows), scope);
  await writeRows(shadow, PARTS.tts, ["local_date", "category", "tts", "n"], ttsRowsSql(rows), scope);
  // Destinations by the two cells generalization decides on (lib/publish/rules/h3.ts), with the
  // first flight's point of each group (in id order).
  const groups = new Map<
    string,
    { d: string; fine: string; coarse: string; sens: boolean; lat: number; lon: number; n: number }
  >();
  for (const f of located) {
    const k = `${f.date}|${f.fine}|${f.coarse}|${f.sensitive}`;
    const g = groups.get(k);
    if (g) g.n += 1;
    else groups.set(k, { d: f.date, fine: f.fine, coarse: f.coarse, sens: f.sensitive, lat: f.lat, lon: f.lon, n: 1 });
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

/** The destinations of every published flight, grouped by their two cells and sensitivity (the cells partial summed). */
export async function cellTotals(tx: DbOrTx, parts: PartNames): Promise<CellGroup[]> {
  const rows = await queryRows<CellGroup>(
    tx,
    sql`select fine, coarse, sensitive, sum(n)::int as n from ${sql.identifier(parts.cells)} group by fine, coarse, sensitive`,
  );
  return rows.map((g) => ({ fine: g.fine, coarse: g.coarse, sensitive: Boolean(g.sensitive), n: Number(g.n) }));
}

/** How many flights are published: the counts partial's flights summed. */
export async function publishedFlights(tx: DbOrTx, parts: PartNames): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(sum(n), 0)::int as n from ${sql.identifier(parts.counts)} where dim = 'm' and key = 'n'`,
  );
  return Number(r.n);
}

/** A period's first and last local dates (the first is null for a period with no start). */
export type PeriodDays = { first: string | null; last: string };

/** What a period's edge dates hold of the period: counted from the flights, not the partials. */
export type PeriodEdges = {
  days: PeriodDays;
  counts: { local_date: string; dim: string; key: string; label: string; n: number }[];
  /** Times to scene as text (float8's exact text form), so that they sum back to the same value. */
  tts: { local_date: string; category: string; tts: string; n: number }[];
  /** The destinations of the edge dates' flights in the period, grouped for generalization. */
  cells: CellGroup[];
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
    const launched = sql`drone_flights.launched_at`;
    const inside = p.from
      ? sql` and ${launched} > ${ts(p.from)} and ${launched} <= ${ts(p.to)}`
      : sql` and ${launched} <= ${ts(p.to)}`;
    const cells = groupCells(
      await locatedFlights(tx, cut, timeZone, sql`${inScopeSql(launched, timeZone, edge)}${inside}`),
    );
    out[p.name] = { days, counts: counts.map((c) => ({ ...c, n: Number(c.n) })), tts, cells };
  }
  return out;
}
