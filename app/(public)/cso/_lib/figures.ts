// Turning published CSO rollups into plain-words figures and chart rows (null = "fewer than 11").
import type { ChartRow, ChartSeries } from "@/components/charts";
import { formatCount, formatMinutes, formatShare } from "@/lib/format/numbers";
import type { CsoBreakdown, CsoMetric } from "@/db/queries/public/cso";

/** Minutes of a CSO figure; "not published (too few calls)" when the rules withheld it. */
export function minutesText(v: number | null | undefined, notPublished = "not published (too few calls)"): string {
  return formatMinutes(v, notPublished);
}

export function metricText(m: CsoMetric | undefined, kind: "count" | "share" | "minutes"): string {
  if (!m) return "not yet published";
  if (kind === "count") return formatCount(m.suppressed ? null : m.value);
  if (kind === "share") return formatShare(m.value);
  return minutesText(m.value);
}

export const countOf = (r: CsoBreakdown | undefined) => (r ? (r.suppressed ? null : r.count) : 0);
export const cellsOf = (rows: CsoBreakdown[]) => rows.filter((r) => r.key !== "*" && r.key2 !== "*");
export const totalOf = (rows: CsoBreakdown[]) => rows.find((r) => r.key === "*" && (r.key2 === "" || r.key2 === "*"));

/** A one-dimensional breakdown as one-series chart rows. */
export function seriesRows(rows: CsoBreakdown[], skipZero = false): ChartRow[] {
  return cellsOf(rows)
    .filter((r) => !skipZero || r.suppressed || (r.count ?? 0) > 0)
    .map((r) => ({ label: r.label, values: { n: countOf(r) } }));
}

/** Weeks x call source: one chart row per week, one series per source. */
export function weekSourceChart(rows: CsoBreakdown[]): { rows: ChartRow[]; series: ChartSeries[] } {
  const cells = cellsOf(rows);
  const series = [...new Map(cells.map((r) => [r.key2, r.label]))].map(([key, label]) => ({ key: `s_${key}`, label }));
  const weeks = new Map<string, Record<string, number | null>>();
  for (const r of cells) weeks.set(r.key, { ...(weeks.get(r.key) ?? {}), [`s_${r.key2}`]: countOf(r) });
  return {
    series,
    rows: [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([label, values]) => ({ label, values })),
  };
}

/** Pilot vs baseline medians keyed by row key: [{ key, label, cso, baseline, n }]. */
export function pairRows(rows: CsoBreakdown[]) {
  const keys = [...new Set(rows.filter((r) => r.key2 === "cso").map((r) => r.key))];
  return keys.map((key) => {
    const c = rows.find((r) => r.key === key && r.key2 === "cso");
    const b = rows.find((r) => r.key === key && r.key2 === "baseline");
    return { key, label: c?.label ?? key, cso: c?.value ?? null, baseline: b?.value ?? null, n: countOf(c) };
  });
}

const monthFmt = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
export const monthLabel = (ym: string) => monthFmt.format(new Date(`${ym}-15T00:00:00Z`));
