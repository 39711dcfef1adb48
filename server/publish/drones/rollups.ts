import "server-only";
// Drone rollups with the privacy rules applied: every count suppressed (with complementary
// suppression against its published total), every median or share needs at least 11 events.
import { getResolution } from "h3-js";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { city } from "../../../lib/config/city";
import { addGroups, generalizeGroups, type CellGroup } from "../../../lib/publish/rules/h3";
import { suppressCount, type PubCount } from "../../../lib/publish/rules/suppression";
import {
  breakdownRow,
  rate,
  replaceRollups,
  seriesBreakdown,
  tableBreakdown,
  type BreakdownRow,
  type Built,
  type CellRow,
  type MetricRow,
} from "../rollups";
import { queryRows } from "../../../db/sql";
import type { PartNames, PeriodEdges } from "./parts";
import * as q from "./rollup-sql";

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
): BreakdownRow => breakdownRow("drones", breakdown, period, key, key2, label, c, ord, value);

const series = (breakdown: string, period: string, items: q.KeyCount[], label: (k: q.KeyCount) => string): Built =>
  seriesBreakdown(
    "drones",
    breakdown,
    period,
    items.map((it) => ({ key: it.key, label: label(it), n: it.n })),
    "All flights",
  );

export type DroneRollups = {
  breakdowns: BreakdownRow[];
  metrics: MetricRow[];
  cells: CellRow[];
  cellsSuppressed: number;
};

/** The baseline's rollups: pre-pilot patrol response times, which no flight changes (see baselineRollups). */
export type BaselineRollups = Pick<DroneRollups, "breakdowns" | "metrics">;

/**
 * The drone rollups of each period, summed from the partials of the dates wholly inside it and the
 * flights of its edge dates (server/publish/drones/parts.ts), under the same rules as ever.
 */
export async function droneRollups(
  tx: DbOrTx,
  parts: PartNames,
  edges: Record<string, PeriodEdges>,
  periods: q.Period[],
  baseline: BaselineRollups,
): Promise<DroneRollups> {
  const out: BreakdownRow[] = [];
  const metrics: MetricRow[] = [];
  const cellRows: CellRow[] = [];
  let suppressed = 0;
  const add = (r: { rows: BreakdownRow[]; suppressed: number }) => {
    out.push(...r.rows);
    suppressed += r.suppressed;
  };
  // Hour, duration and area are published for the whole record only, counted with its period.
  const wholeRecordOnly = ["hour", "duration", "area"] as const;
  const countsOf = new Map<string, Partial<Record<"hour" | "duration" | "area", q.KeyCount[]>>>();
  const mediansOf = new Map<string, Awaited<ReturnType<typeof q.ttsMedians>>>();
  const sources = new Map(periods.map((p) => [p.name, periodSource(parts, edges[p.name])]));

  for (const p of periods) {
    const src = sources.get(p.name)!;
    const medians = await q.ttsMedians(tx, src, p.name === "since_launch");
    mediansOf.set(p.name, medians);
    const m = { ...(await q.metricsSql(tx, src)), tts_med: medians.all.med };
    const flightsCount = suppressCount(m.n);
    const meta = { dataset: "drones" as const, period: p.name, periodStart: m.first_day, periodEnd: m.last_day };
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

    const counts = await q.sumCountsBy(tx, src, [
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

    const cells = generalizeGroups(await cellGroups(tx, parts, edges[p.name]), undefined, city().sensitiveSites);
    suppressed += cells.suppressedCells;
    cellRows.push(
      ...[...cells.counts].map(([cell, count]) => ({
        dataset: "drones" as const,
        period: p.name,
        cell,
        res: getResolution(cell),
        count,
      })),
    );
  }

  const all = periods.find((p) => p.name === "since_launch")!;
  const whole = countsOf.get(all.name)!;
  const src = sources.get(all.name)!;
  add(series("hour", all.name, fillHours(whole.hour!), (k) => `${k.key.padStart(2, "0")}:00`));
  add(series("duration", all.name, whole.duration!, (k) => DURATION_LABELS[k.key] ?? k.key));
  add(series("area", all.name, whole.area!, (k) => k.label));
  add(weekTable(all.name, await q.weekByGroup(tx, src)));

  const medians = mediansOf.get(all.name)!;
  for (const [i, r] of medians.months.entries())
    out.push(row("tts_month", all.name, r.key, "drone", r.label, suppressCount(r.n), i, rate(r.med, r.n)));
  for (const [i, r] of medians.categories.entries())
    out.push(row("tts_category", all.name, r.key, "drone", r.label, suppressCount(r.n), i, rate(r.med, r.n)));
  out.push(...baseline.breakdowns);
  metrics.push(...baseline.metrics);

  return { breakdowns: out, metrics, cells: cellRows, cellsSuppressed: suppressed };
}

/**
 * The pre-pilot patrol response times for the categories drones are sent to (baseline_responses,
 * which no flight changes), published beside the drones' own.
 */
export async function baselineRollups(tx: DbOrTx, timeZone: string): Promise<BaselineRollups> {
  const breakdowns: BreakdownRow[] = [];
  for (const [i, r] of (await q.baselineByCategory(tx, timeZone)).entries())
    breakdowns.push(
      row("tts_category", "since_launch", r.key, "baseline", r.label, suppressCount(r.n), i, rate(r.med, r.n)),
    );
  const b = await q.baselineOverall(tx, timeZone);
  const bn = suppressCount(b.n);
  const metrics: MetricRow[] = [
    {
      dataset: "drones",
      period: "baseline",
      metric: "median_time_to_scene_min",
      value: rate(b.med, b.n),
      n: bn.value,
      suppressed: rate(b.med, b.n) === null,
      periodStart: b.first_day,
      periodEnd: b.last_day,
    },
  ];
  return { breakdowns, metrics };
}

/** A period's partial rows: the dates wholly inside it from the partial tables, its edge dates' from the flights. */
export function periodSource(parts: PartNames, e: PeriodEdges): q.PeriodSource {
  const inner = innerDates(e);
  return {
    counts: sql`select local_date, dim, key, label, n from ${sql.identifier(parts.counts)} where ${inner}
      union all select x.local_date, x.dim, x.key, x.label, x.n
      from jsonb_to_recordset(${JSON.stringify(e.counts)}::jsonb) as x(local_date date, dim text, key text, label text, n int)`,
    tts: sql`select local_date, category, tts, n from ${sql.identifier(parts.tts)} where ${inner}
      union all select x.local_date, x.category, x.tts::float8, x.n
      from jsonb_to_recordset(${JSON.stringify(e.tts)}::jsonb) as x(local_date date, category text, tts text, n int)`,
  };
}

const innerDates = (e: PeriodEdges) =>
  e.days.first === null
    ? sql`local_date < ${e.days.last}::date`
    : sql`local_date > ${e.days.first}::date and local_date < ${e.days.last}::date`;

/**
 * The period's destinations grouped for generalization (flights sharing both cells and sensitivity,
 * which is all it decides on): the partials' groups of the dates wholly inside the period, and the
 * edge dates' flights.
 */
export async function cellGroups(tx: DbOrTx, parts: PartNames, e: PeriodEdges): Promise<CellGroup[]> {
  const groups = await queryRows<CellGroup>(
    tx,
    sql`select fine, coarse, sensitive, sum(n)::int as n
    from ${sql.identifier(parts.cells)} where ${innerDates(e)} group by fine, coarse, sensitive`,
  );
  return addGroups(
    groups.map((g) => ({ fine: g.fine, coarse: g.coarse, sensitive: Boolean(g.sensitive), n: Number(g.n) })),
    e.cells,
  );
}

/** Replaces the drone rollups with those droneRollups computed. */
export async function writeDroneRollups(tx: DbOrTx, r: DroneRollups): Promise<number> {
  await replaceRollups(tx, "drones", { breakdowns: r.breakdowns, metrics: r.metrics, cells: r.cells });
  return r.breakdowns.length + r.metrics.length;
}

function fillHours(items: q.KeyCount[]): q.KeyCount[] {
  const by = new Map(items.map((i) => [i.key, i]));
  return Array.from({ length: 24 }, (_, h) => by.get(String(h)) ?? { key: String(h), label: String(h), n: 0 });
}

/** Weeks x call groups, published with weekly totals, group totals and the grand total. */
function weekTable(period: string, data: { week: string; grouping: string; n: number }[]): Built {
  const weeks = [...new Set(data.map((d) => d.week))].sort().map((w) => ({ key: w, label: w }));
  const groups = [...new Set(data.map((d) => d.grouping))].sort().map((g) => ({ key: g, label: groupLabel(g) }));
  const counts = new Map(data.map((d) => [`${d.week}|${d.grouping}`, d.n]));
  return tableBreakdown("drones", "week_group", period, weeks, groups, counts, {
    kind: "by column",
    totalLabel: "All flights",
  });
}
