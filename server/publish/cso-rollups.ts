import "server-only";
// CSO rollups with the privacy rules applied, as a pure function of the calls' sums per period
// (server/publish/cso-sums.ts): every count suppressed (complementary against its published
// total), every median needs at least 11 calls, and hour and area leave sensitive calls out.
import { getResolution } from "h3-js";
import { referralTypes } from "../../db/schema/cso";
import type { BaselineRow, SourceCall } from "./cso-source";
import { middleValue, sumsOfCalls, type CsoSums, type LaunchSums, type Middle } from "./cso-sums";
import {
  breakdownRow,
  countMetric,
  minutesRate,
  rate,
  seriesBreakdown,
  tableBreakdown,
  type BreakdownRow as Breakdown,
  type CellRow,
  type MetricRow as Metric,
} from "./rollups";
import { suppressCount, type PubCount } from "../../lib/publish/rules/suppression";
export type CsoPeriod = { name: string; from: Date | null; to: Date };
export type Baseline = {
  overall: BaselineRow & { first_day: string | null; last_day: string | null };
  byCategory: BaselineRow[];
  byMonth: BaselineRow[];
};

export const SOURCE_LABELS: Record<string, string> = {
  "911": "911 call",
  "311": "311 request",
  self_initiated: "Started by the officer",
};
export const OUTCOME_LABELS: Record<string, string> = {
  resolved: "Resolved on scene",
  referred: "Referred to services",
  report_taken: "Report taken",
  transferred_to_sworn: "Handed to a deputy",
  no_contact: "No one found",
  cancelled: "Cancelled",
};
export const REFERRAL_LABELS: Record<string, string> = {
  housing: "Housing",
  mental_health: "Mental health",
  substance_use: "Substance use",
  victim_services: "Victim services",
  youth_services: "Youth services",
  senior_services: "Senior services",
  medical: "Medical",
  other: "Other services",
};

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  // A typed array sorts numbers natively, several times faster than a comparator.
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const row = (
  breakdown: string,
  period: string,
  key: string,
  key2: string,
  label: string,
  c: PubCount,
  ord: number,
  value: number | null = null,
): Breakdown => breakdownRow("cso", breakdown, period, key, key2, label, c, ord, value);

const series = (
  breakdown: string,
  period: string,
  keys: string[],
  counts: Map<string, number>,
  label: (k: string) => string,
  totalLabel: string,
) =>
  seriesBreakdown(
    "cso",
    breakdown,
    period,
    keys.map((k) => ({ key: k, label: label(k), n: counts.get(k) ?? 0 })),
    totalLabel,
  );

/** The rollups of `all` (every publishable call, in memory): the reference the partials are tested against. */
export function buildCsoRollups(all: SourceCall[], periods: CsoPeriod[], baseline: Baseline, timeZone: string) {
  return addBaseline(rollupsFromSums(sumsOfCalls(all, periods, timeZone)), baseline);
}

/**
 * The rollups of the calls alone, from their sums per period (server/publish/cso-sums.ts); addBaseline
 * then sets the pre-pilot baseline beside them. Apart, so that the publisher reads the baseline on
 * a connection of its own while the calls are counted.
 */
export function rollupsFromSums(s: CsoSums) {
  const breakdowns: Breakdown[] = [];
  const metrics: Metric[] = [];
  const cells: CellRow[] = [];
  let suppressed = 0;
  const add = (r: { rows: Breakdown[]; suppressed: number }) => {
    breakdowns.push(...r.rows);
    suppressed += r.suppressed;
  };
  const labelOf = s.labels.category;

  for (const { name, sums: p } of s.periods) {
    const span = { periodStart: p.firstDay, periodEnd: p.lastDay };
    const meta = { dataset: "cso" as const, period: name, ...span };
    const count = (metric: string, n: number): Metric => countMetric(meta, metric, n);
    const r = (metric: string, v: number | null, n: number, f = rate): Metric => ({
      ...meta,
      metric,
      value: f(v, n),
      n: suppressCount(n).value,
      suppressed: f(v, n) === null,
    });
    const flag = (k: string) => p.flags.get(k) ?? 0;
    const sworn = flag("sworn");
    metrics.push(
      count("calls", p.calls),
      r("median_response_min", middleValue(p.response), p.response.n, minutesRate),
      r("median_clear_min", middleValue(p.clear), p.clear.n, minutesRate),
      r("share_no_sworn", p.calls ? 1 - sworn / p.calls : null, p.calls),
      count("sworn_backup", sworn),
      count("calls_with_referral", flag("referred")),
      count("reports", flag("reports")),
      count("fingerprints", flag("fingerprints")),
      count("dna", flag("dna")),
      count("sensitive_calls", flag("sensitive")),
    );
    const cats = p.category;
    add(
      series(
        "category",
        name,
        [...cats.keys()].sort((a, b) => cats.get(b)! - cats.get(a)! || a.localeCompare(b)),
        cats,
        (k) => labelOf.get(k) ?? k,
        "All calls",
      ),
    );
    add(series("source", name, Object.keys(SOURCE_LABELS), p.source, (k) => SOURCE_LABELS[k], "All calls"));
    add(series("outcome", name, Object.keys(OUTCOME_LABELS), p.outcome, (k) => OUTCOME_LABELS[k], "All calls"));
    add(series("referral", name, [...referralTypes], p.referral, (k) => REFERRAL_LABELS[k] ?? k, "All referrals"));
    suppressed += p.cells.suppressedCells;
    cells.push(
      ...[...p.cells.counts].map(([cell, n]) => ({
        dataset: "cso" as const,
        period: name,
        cell,
        res: getResolution(cell),
        count: n,
      })),
    );
  }

  const { name: since, sums: l } = s.since;
  add(
    series(
      "area",
      since,
      [...l.area.keys()].sort(),
      l.area,
      (k) => s.labels.area.get(k) ?? k,
      "All calls with a neighborhood",
    ),
  );
  add(
    series(
      "hour",
      since,
      Array.from({ length: 24 }, (_, h) => String(h)),
      l.hour,
      (k) => `${k.padStart(2, "0")}:00`,
      "All calls with an hour",
    ),
  );
  add(
    tableBreakdown(
      "cso",
      "week_source",
      since,
      l.weeks.map((w) => ({ key: w, label: w })),
      Object.entries(SOURCE_LABELS).map(([key, label]) => ({ key, label })),
      l.weekSource,
      { kind: "by column", totalLabel: "All calls" },
    ),
  );
  const response = responseRows(since, l.responseBy, labelOf);
  breakdowns.push(...response.rows);
  return {
    breakdowns,
    metrics,
    cells,
    suppressed,
    response: { period: since, months: response.months, categories: response.categories },
  };
}

/** The calls' rollups with the baseline's rows beside theirs: its medians by month and category, and overall. */
export function addBaseline(r: ReturnType<typeof rollupsFromSums>, baseline: Baseline) {
  const { response, ...rollups } = r;
  const { period, months, categories } = response;
  const breakdowns = [...rollups.breakdowns];
  baseline.byMonth
    .filter((b) => months.has(b.key))
    .forEach((b, i) =>
      breakdowns.push(
        row("response_month", period, b.key, "baseline", b.label, suppressCount(b.n), i, minutesRate(b.med, b.n)),
      ),
    );
  baseline.byCategory
    .filter((b) => categories.has(b.key))
    .forEach((b, i) =>
      breakdowns.push(
        row("response_category", period, b.key, "baseline", b.label, suppressCount(b.n), i, minutesRate(b.med, b.n)),
      ),
    );
  const b = baseline.overall;
  const bmeta = { dataset: "cso" as const, period: "baseline", periodStart: b.first_day, periodEnd: b.last_day };
  const metrics = [
    ...rollups.metrics,
    {
      ...bmeta,
      metric: "median_response_min",
      value: minutesRate(b.med, b.n),
      n: suppressCount(b.n).value,
      suppressed: minutesRate(b.med, b.n) === null,
    },
    {
      ...bmeta,
      metric: "median_clear_min",
      value: minutesRate(b.clear_med, b.n),
      n: suppressCount(b.n).value,
      suppressed: minutesRate(b.clear_med, b.n) === null,
    },
  ];
  return { ...rollups, breakdowns, metrics };
}

/** Median minutes to scene by month, call type and source (the baseline's beside them: addBaseline). */
function responseRows(
  period: string,
  by: LaunchSums["responseBy"],
  labelOf: Map<string, string>,
): { rows: Breakdown[]; months: Set<string>; categories: Set<string> } {
  const out: Breakdown[] = [];
  const push = (breakdown: string, k: string, label: string, m: Middle, i: number) =>
    out.push(row(breakdown, period, k, "cso", label, suppressCount(m.n), i, minutesRate(middleValue(m), m.n)));
  [...by.month.keys()].sort().forEach((k, i) => push("response_month", k, k, by.month.get(k)!, i));
  [...by.category.keys()]
    .sort()
    .forEach((k, i) => push("response_category", k, labelOf.get(k) ?? k, by.category.get(k)!, i));
  Object.keys(SOURCE_LABELS)
    .filter((k) => by.source.has(k))
    .forEach((k, i) => push("response_source", k, SOURCE_LABELS[k], by.source.get(k)!, i));
  return { rows: out, months: new Set(by.month.keys()), categories: new Set(by.category.keys()) };
}
