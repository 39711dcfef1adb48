import "server-only";
// Drone rollups with the privacy rules applied: every count suppressed (with complementary
// suppression against its published total), every median or share needs at least 11 events.
import { getResolution } from "h3-js";
import type { DbOrTx } from "../../../db/client";
import { pubDroneBreakdowns, pubDroneCells, pubDroneMetrics } from "../../../db/schema";
import { rules } from "../../../lib/publish/rules";
import { city } from "../../../lib/config/city";
import { generalize } from "../../../lib/publish/rules/h3";
import { suppressCount, suppressSeries, suppressTable, type PubCount } from "../../../lib/publish/rules/suppression";
import * as q from "./rollup-sql";
import type { FlightPlace } from "./source";
import { insertJsonRows } from "../../../db/sql";

type BreakdownRow = typeof pubDroneBreakdowns.$inferInsert;
type MetricRow = typeof pubDroneMetrics.$inferInsert;

const OUTCOME_LABELS: Record<string, string> = {
  cleared_no_patrol: "Cleared without a patrol unit",
  patrol_dispatched: "Patrol unit sent",
  arrest: "Arrest",
  no_action: "No action needed",
  cancelled: "Cancelled",
  other: "Other",
};
const DURATION_LABELS: Record<string, string> = {
  "0": "Under 10 min",
  "10": "10–19 min",
  "20": "20–29 min",
  "30": "30–44 min",
  "45": "45–59 min",
  "60": "60 min or more",
};
const GROUP_LABELS: Record<string, string> = {
  property: "Property",
  violent: "Violent",
  suspicious: "Suspicious activity",
  quality_of_life: "Quality of life",
  traffic: "Traffic",
  service: "Service and rescue",
};
export const groupLabel = (g: string) => GROUP_LABELS[g] ?? g.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

const row = (
  breakdown: string,
  period: string,
  key: string,
  key2: string,
  label: string,
  c: PubCount,
  ord: number,
  value: number | null = null,
): BreakdownRow => ({ breakdown, period, key, key2, label, count: c.value, suppressed: c.suppressed, value, ord });

/** A median or share, published only when built on enough events. */
const rate = (value: number | null, n: number) =>
  n >= rules.minEventsForRate && value !== null ? Math.round(value * 1000) / 1000 : null;

function series(
  breakdown: string,
  period: string,
  items: q.KeyCount[],
  label: (k: q.KeyCount) => string,
): { rows: BreakdownRow[]; suppressed: number } {
  const s = suppressSeries(items.map((i) => i.n));
  const rows = items.map((it, i) => row(breakdown, period, it.key, "", label(it), s.cells[i], i));
  rows.push(row(breakdown, period, "*", "", "All flights", s.total, items.length));
  return { rows, suppressed: s.suppressedCount };
}

export type DroneRollups = {
  breakdowns: BreakdownRow[];
  metrics: MetricRow[];
  cells: (typeof pubDroneCells.$inferInsert)[];
  cellsSuppressed: number;
};

export async function droneRollups(
  tx: DbOrTx,
  base: ReturnType<typeof q.baseFlights>,
  periods: q.Period[],
  flights: Pick<FlightPlace, "destLat" | "destLon" | "sensitive" | "launchedAt">[],
  timeZone: string,
): Promise<DroneRollups> {
  const out: BreakdownRow[] = [];
  const metrics: MetricRow[] = [];
  const cellRows: (typeof pubDroneCells.$inferInsert)[] = [];
  let suppressed = 0;
  const add = (r: { rows: BreakdownRow[]; suppressed: number }) => {
    out.push(...r.rows);
    suppressed += r.suppressed;
  };
  // Hour, duration and area are published for the whole record only, counted with its period.
  const wholeRecordOnly = ["hour", "duration", "area"] as const;
  const countsOf = new Map<string, Partial<Record<"hour" | "duration" | "area", q.KeyCount[]>>>();

  for (const p of periods) {
    const m = await q.metricsSql(tx, base, p);
    const flightsCount = suppressCount(m.n);
    const meta = { period: p.name, periodStart: m.first_day, periodEnd: m.last_day };
    const nOrNull = (n: number) => suppressCount(n).value;
    metrics.push(
      {
        ...meta,
        metric: "flights",
        value: flightsCount.value,
        n: flightsCount.value,
        suppressed: flightsCount.suppressed,
      },
      {
        ...meta,
        metric: "median_time_to_scene_min",
        value: rate(m.tts_med, m.tts_n),
        n: nOrNull(m.tts_n),
        suppressed: rate(m.tts_med, m.tts_n) === null,
      },
      {
        ...meta,
        metric: "share_cleared_no_patrol",
        value: rate(m.n ? m.cleared / m.n : null, m.n),
        n: nOrNull(m.n),
        suppressed: rate(m.n ? 1 : null, m.n) === null,
      },
      {
        ...meta,
        metric: "share_first_on_scene",
        value: rate(m.fos_n ? m.fos / m.fos_n : null, m.fos_n),
        n: nOrNull(m.fos_n),
        suppressed: rate(m.fos_n ? 1 : null, m.fos_n) === null,
      },
      {
        ...meta,
        metric: "share_linked_to_call",
        value: rate(m.n ? m.linked / m.n : null, m.n),
        n: nOrNull(m.n),
        suppressed: rate(m.n ? 1 : null, m.n) === null,
      },
    );
    const sens = suppressCount(m.sensitive);
    metrics.push({
      ...meta,
      metric: "sensitive_flights",
      value: sens.value,
      n: sens.value,
      suppressed: sens.suppressed,
    });

    const counts = await q.countsBy(tx, base, p, [
      "category",
      "outcome",
      ...(p.name === "since_launch" ? wholeRecordOnly : []),
    ]);
    countsOf.set(p.name, counts);
    add(
      series(
        "category",
        p.name,
        counts.category.sort((a, b) => b.n - a.n),
        (k) => k.label,
      ),
    );
    add(series("outcome", p.name, counts.outcome, (k) => OUTCOME_LABELS[k.key] ?? k.key));

    const cells = generalize(
      flights
        .filter((f) => f.destLat !== null && (!p.from || f.launchedAt > p.from) && f.launchedAt <= p.to)
        .map((f) => ({ lat: f.destLat!, lon: f.destLon!, sensitive: f.sensitive })),
      undefined,
      city().sensitiveSites,
    );
    suppressed += cells.suppressedCells;
    cellRows.push(
      ...[...cells.counts].map(([cell, count]) => ({ period: p.name, cell, res: getResolution(cell), count })),
    );
  }

  const all = periods.find((p) => p.name === "since_launch")!;
  const whole = countsOf.get(all.name)!;
  add(series("hour", all.name, fillHours(whole.hour!), (k) => `${k.key.padStart(2, "0")}:00`));
  add(series("duration", all.name, whole.duration!, (k) => DURATION_LABELS[k.key] ?? k.key));
  add(series("area", all.name, whole.area!, (k) => k.label));
  add(weekTable(all.name, await q.weekByGroup(tx, base, all)));

  for (const [i, r] of (await q.ttsByMonth(tx, base, all)).entries())
    out.push(row("tts_month", all.name, r.key, "drone", r.label, suppressCount(r.n), i, rate(r.med, r.n)));
  for (const [i, r] of (await q.ttsByCategory(tx, base, all)).entries())
    out.push(row("tts_category", all.name, r.key, "drone", r.label, suppressCount(r.n), i, rate(r.med, r.n)));
  for (const [i, r] of (await q.baselineByCategory(tx, timeZone)).entries())
    out.push(row("tts_category", all.name, r.key, "baseline", r.label, suppressCount(r.n), i, rate(r.med, r.n)));
  const b = await q.baselineOverall(tx, timeZone);
  const bn = suppressCount(b.n);
  metrics.push({
    period: "baseline",
    metric: "median_time_to_scene_min",
    value: rate(b.med, b.n),
    n: bn.value,
    suppressed: rate(b.med, b.n) === null,
    periodStart: b.first_day,
    periodEnd: b.last_day,
  });

  return { breakdowns: out, metrics, cells: cellRows, cellsSuppressed: suppressed };
}

/** Replaces the drone rollups with those droneRollups computed. */
export async function writeDroneRollups(tx: DbOrTx, r: DroneRollups): Promise<number> {
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
  await tx.delete(pubDroneBreakdowns);
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
  await tx.delete(pubDroneMetrics);
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
  await tx.delete(pubDroneCells);
  await insertJsonRows(tx, pubDroneBreakdowns, r.breakdowns);
  await insertJsonRows(tx, pubDroneMetrics, r.metrics);
  await insertJsonRows(tx, pubDroneCells, r.cells);
  return r.breakdowns.length + r.metrics.length;
}

function fillHours(items: q.KeyCount[]): q.KeyCount[] {
  const by = new Map(items.map((i) => [i.key, i]));
  return Array.from({ length: 24 }, (_, h) => by.get(String(h)) ?? { key: String(h), label: String(h), n: 0 });
}

/** Weeks x call groups, published with weekly totals, group totals and the grand total. */
function weekTable(
  period: string,
  data: { week: string; grouping: string; n: number }[],
): { rows: BreakdownRow[]; suppressed: number } {
  const weeks = [...new Set(data.map((d) => d.week))].sort();
  const groups = [...new Set(data.map((d) => d.grouping))].sort();
  const idx = new Map(data.map((d) => [`${d.week}|${d.grouping}`, d.n]));
  const t = suppressTable(weeks.map((w) => groups.map((g) => idx.get(`${w}|${g}`) ?? 0)));
  const rows: BreakdownRow[] = [];
  weeks.forEach((w, i) => {
    groups.forEach((g, j) => rows.push(row("week_group", period, w, g, groupLabel(g), t.cells[i][j], i)));
    rows.push(row("week_group", period, w, "*", "All flights", t.rowTotals[i], i));
  });
  groups.forEach((g, j) =>
    rows.push(row("week_group", period, "*", g, groupLabel(g), t.colTotals[j], weeks.length + j)),
  );
  rows.push(row("week_group", period, "*", "*", "All flights", t.total, weeks.length + groups.length));
  return { rows, suppressed: t.suppressedCount };
}
