import "server-only";
// CSO rollups with the privacy rules applied, as a pure function of the publishable calls:
// every count suppressed (complementary against its published total), every median needs
// at least 11 calls, and hour and area leave sensitive calls out.
import { getResolution } from "h3-js";
import { referralTypes } from "../../db/schema/cso";
import { minutesBetween } from "./cso-calls";
import type { BaselineRow, SourceCall } from "./cso-source";
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
import { city } from "../../lib/config/city";
import { generalize, type Generalization } from "../../lib/publish/rules/h3";
import { suppressCount, type PubCount } from "../../lib/publish/rules/suppression";
import { localHour, localWeekStart, zonedParts } from "../../lib/time";
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

function countBy(calls: SourceCall[], key: (c: SourceCall) => string | string[] | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of calls) {
    const k = key(c);
    for (const x of k === null ? [] : Array.isArray(k) ? k : [k]) m.set(x, (m.get(x) ?? 0) + 1);
  }
  return m;
}

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

/**
 * `wholeRecord`, when given, is the generalization of all of `all`; a period that holds every
 * call reuses it instead of recomputing cells (H3 lookups dominate at scale 100).
 */
export function buildCsoRollups(
  all: SourceCall[],
  periods: CsoPeriod[],
  baseline: Baseline,
  timeZone: string,
  wholeRecord?: Generalization,
) {
  return addBaseline(callRollups(all, periods, timeZone, wholeRecord), baseline);
}

/**
 * The rollups of the calls alone; addBaseline then sets the pre-pilot baseline beside them. Apart,
 * so that the publisher reads the baseline on a connection of its own while the calls are counted.
 */
export function callRollups(all: SourceCall[], periods: CsoPeriod[], timeZone: string, wholeRecord?: Generalization) {
  const breakdowns: Breakdown[] = [];
  const metrics: Metric[] = [];
  const cells: CellRow[] = [];
  let suppressed = 0;
  const add = (r: { rows: Breakdown[]; suppressed: number }) => {
    breakdowns.push(...r.rows);
    suppressed += r.suppressed;
  };
  const labelOf = new Map(all.map((c) => [c.category, c.label]));
  const day = (d: Date) => {
    const p = zonedParts(d, timeZone);
    return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  };

  for (const p of periods) {
    const calls = all.filter((c) => (!p.from || c.receivedAt > p.from) && c.receivedAt <= p.to);
    // One pass over the period's calls for every metric (at scale 100, 600,000 calls).
    const resp: number[] = [];
    const clear: number[] = [];
    let sworn = 0,
      referred = 0,
      reports = 0,
      fingerprints = 0,
      dna = 0,
      sensitive = 0;
    let first = Infinity,
      last = -Infinity;
    for (const c of calls) {
      if (c.onSceneAt) resp.push(minutesBetween(c.receivedAt, c.onSceneAt)!);
      if (c.clearedAt) clear.push(minutesBetween(c.receivedAt, c.clearedAt)!);
      if (c.swornBackupRequested) sworn++;
      if (c.referrals.length > 0) referred++;
      if (c.reportWritten) reports++;
      if (c.fingerprintsCollected) fingerprints++;
      if (c.dnaCollected) dna++;
      if (c.sensitive) sensitive++;
      const at = c.receivedAt.getTime();
      if (at < first) first = at;
      if (at > last) last = at;
    }
    const span = calls.length
      ? { periodStart: day(new Date(first)), periodEnd: day(new Date(last)) }
      : { periodStart: null, periodEnd: null };
    const meta = { dataset: "cso" as const, period: p.name, ...span };
    const count = (metric: string, n: number): Metric => countMetric(meta, metric, n);
    const r = (metric: string, v: number | null, n: number, f = rate): Metric => ({
      ...meta,
      metric,
      value: f(v, n),
      n: suppressCount(n).value,
      suppressed: f(v, n) === null,
    });
    metrics.push(
      count("calls", calls.length),
      r("median_response_min", median(resp), resp.length, minutesRate),
      r("median_clear_min", median(clear), clear.length, minutesRate),
      r("share_no_sworn", calls.length ? 1 - sworn / calls.length : null, calls.length),
      count("sworn_backup", sworn),
      count("calls_with_referral", referred),
      count("reports", reports),
      count("fingerprints", fingerprints),
      count("dna", dna),
      count("sensitive_calls", sensitive),
    );
    const cats = countBy(calls, (c) => c.category);
    add(
      series(
        "category",
        p.name,
        [...cats.keys()].sort((a, b) => cats.get(b)! - cats.get(a)! || a.localeCompare(b)),
        cats,
        (k) => labelOf.get(k) ?? k,
        "All calls",
      ),
    );
    add(
      series(
        "source",
        p.name,
        Object.keys(SOURCE_LABELS),
        countBy(calls, (c) => c.callSource),
        (k) => SOURCE_LABELS[k],
        "All calls",
      ),
    );
    add(
      series(
        "outcome",
        p.name,
        Object.keys(OUTCOME_LABELS),
        countBy(calls, (c) => c.outcome),
        (k) => OUTCOME_LABELS[k],
        "All calls",
      ),
    );
    add(
      series(
        "referral",
        p.name,
        [...referralTypes],
        countBy(calls, (c) => c.referrals),
        (k) => REFERRAL_LABELS[k] ?? k,
        "All referrals",
      ),
    );
    const g =
      wholeRecord && calls.length === all.length
        ? wholeRecord
        : generalize(
            calls
              .filter((c) => c.lat !== null && c.lon !== null)
              .map((c) => ({ lat: c.lat!, lon: c.lon!, sensitive: c.sensitive })),
            undefined,
            city().sensitiveSites,
          );
    suppressed += g.suppressedCells;
    cells.push(
      ...[...g.counts].map(([cell, n]) => ({
        dataset: "cso" as const,
        period: p.name,
        cell,
        res: getResolution(cell),
        count: n,
      })),
    );
  }

  const since = periods.find((p) => p.name === "since_launch") ?? periods[periods.length - 1];
  const calls = all.filter((c) => (!since.from || c.receivedAt > since.from) && c.receivedAt <= since.to);
  const open = calls.filter((c) => !c.sensitive);
  const areas = countBy(open, (c) => c.areaSlug ?? "unknown");
  const areaName = new Map(open.map((c) => [c.areaSlug ?? "unknown", c.areaName ?? "Unknown"]));
  add(
    series(
      "area",
      since.name,
      [...areas.keys()].sort(),
      areas,
      (k) => areaName.get(k) ?? k,
      "All calls with a neighborhood",
    ),
  );
  add(
    series(
      "hour",
      since.name,
      Array.from({ length: 24 }, (_, h) => String(h)),
      countBy(open, (c) => String(localHour(c.receivedAt, timeZone))),
      (k) => `${k.padStart(2, "0")}:00`,
      "All calls with an hour",
    ),
  );
  add(weekTable(since.name, calls, timeZone));
  const response = responseRows(since.name, calls, timeZone);
  breakdowns.push(...response.rows);
  return {
    breakdowns,
    metrics,
    cells,
    suppressed,
    response: { period: since.name, months: response.months, categories: response.categories },
  };
}

/** The calls' rollups with the baseline's rows beside theirs: its medians by month and category, and overall. */
export function addBaseline(r: ReturnType<typeof callRollups>, baseline: Baseline) {
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

/** Weeks x call source, published with weekly totals, source totals and the grand total. */
function weekTable(period: string, calls: SourceCall[], timeZone: string) {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const k = `${localWeekStart(c.receivedAt, timeZone)}|${c.callSource}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const weeks = [...new Set(calls.map((c) => localWeekStart(c.receivedAt, timeZone)))].sort();
  return tableBreakdown(
    "cso",
    "week_source",
    period,
    weeks.map((w) => ({ key: w, label: w })),
    Object.entries(SOURCE_LABELS).map(([key, label]) => ({ key, label })),
    counts,
    { kind: "by column", totalLabel: "All calls" },
  );
}

/** Median minutes to scene by month, call type and source (the baseline's beside them: addBaseline). */
function responseRows(
  period: string,
  calls: SourceCall[],
  timeZone: string,
): { rows: Breakdown[]; months: Set<string>; categories: Set<string> } {
  const out: Breakdown[] = [];
  const group = (key: (c: SourceCall) => string) => {
    const m = new Map<string, number[]>();
    for (const c of calls) {
      if (!c.onSceneAt) continue;
      const k = key(c);
      const list = m.get(k);
      if (list) list.push(minutesBetween(c.receivedAt, c.onSceneAt)!);
      else m.set(k, [minutesBetween(c.receivedAt, c.onSceneAt)!]);
    }
    return m;
  };
  const months = group((c) => {
    const p = zonedParts(c.receivedAt, timeZone);
    return `${p.year}-${String(p.month).padStart(2, "0")}`;
  });
  [...months.keys()]
    .sort()
    .forEach((k, i) =>
      out.push(
        row(
          "response_month",
          period,
          k,
          "cso",
          k,
          suppressCount(months.get(k)!.length),
          i,
          minutesRate(median(months.get(k)!), months.get(k)!.length),
        ),
      ),
    );
  const cats = group((c) => c.category);
  const label = new Map(calls.map((c) => [c.category, c.label]));
  [...cats.keys()]
    .sort()
    .forEach((k, i) =>
      out.push(
        row(
          "response_category",
          period,
          k,
          "cso",
          label.get(k) ?? k,
          suppressCount(cats.get(k)!.length),
          i,
          minutesRate(median(cats.get(k)!), cats.get(k)!.length),
        ),
      ),
    );
  const src = group((c) => c.callSource);
  Object.keys(SOURCE_LABELS)
    .filter((k) => src.has(k))
    .forEach((k, i) =>
      out.push(
        row(
          "response_source",
          period,
          k,
          "cso",
          SOURCE_LABELS[k],
          suppressCount(src.get(k)!.length),
          i,
          minutesRate(median(src.get(k)!), src.get(k)!.length),
        ),
      ),
    );
  return { rows: out, months: new Set(months.keys()), categories: new Set(cats.keys()) };
}
