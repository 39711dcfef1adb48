// Scorecard arithmetic: met or not, change from baseline, period parsing, costs to date.
import { z } from "zod";
import { formatCount, formatDuration, formatShare, type FormatLocale } from "../format/numbers";
import type { Direction, MetricDef, Unit } from "./metrics";

export type SeriesPoint = { label: string; value: number | null };

export type MetricInput = MetricDef & {
  value: number | null;
  target: number | null;
  baseline: number | null;
  series: SeriesPoint[];
};

export type MetricResult = MetricInput & {
  met: boolean | null;
  /** value - baseline, in the metric's unit. */
  change: number | null;
  /** (value - baseline) / baseline. */
  relativeChange: number | null;
  /** Whether the change from baseline goes the right way. */
  improved: boolean | null;
};

/** True when value reaches the target in the metric's direction (equal counts as met). */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === "lower_is_better" ? value <= target : value >= target;
}

export function evaluateMetric(m: MetricInput): MetricResult {
  const met = m.value === null || m.target === null ? null : meetsTarget(m.value, m.target, m.direction);
  const change = m.value === null || m.baseline === null ? null : m.value - m.baseline;
  const relativeChange = change === null || !m.baseline ? null : change / m.baseline;
  const improved = change === null || change === 0 ? null : m.direction === "lower_is_better" ? change < 0 : change > 0;
  return { ...m, met, change, relativeChange, improved };
}

/** One value in its unit: "1 min 52 s", "38%", "1,204". Minutes are stored as minutes. */
export function formatValue(value: number, unit: Unit, locale: FormatLocale = "en"): string {
  if (unit === "seconds") return formatDuration(value);
  if (unit === "minutes") return formatDuration(value * 60);
  if (unit === "share") return formatShare(value, undefined, locale);
  return formatCount(Math.round(value * 100) / 100, locale);
}

const CHANGE_WORDS = {
  en: { none: "no change", slower: "slower", faster: "faster", points: "percentage points", higher: "higher", lower: "lower", more: "more", fewer: "fewer" },
  es: { none: "sin cambio", slower: "más lento", faster: "más rápido", points: "puntos porcentuales", higher: "más", lower: "menos", more: "más", fewer: "menos" },
} as const;

/** Change from baseline in words: "1 min 38 s faster", "12 points higher" ("1 min 38 s más rápido"). */
export function formatChange(r: Pick<MetricResult, "change" | "unit">, locale: FormatLocale = "en"): string | null {
  const w = CHANGE_WORDS[locale];
  if (r.change === null) return null;
  if (r.change === 0) return w.none;
  const up = r.change > 0;
  if (r.unit === "seconds" || r.unit === "minutes") {
    return `${formatValue(Math.abs(r.change), r.unit)} ${up ? w.slower : w.faster}`;
  }
  if (r.unit === "share") {
    const pts = Math.abs(r.change * 100);
    const n = pts < 10 ? pts.toFixed(1).replace(/\.0$/, "") : String(Math.round(pts));
    return `${n} ${w.points} ${up ? w.higher : w.lower}`;
  }
  return `${formatCount(Math.abs(r.change), locale)} ${up ? w.more : w.fewer}`;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31").refine((s) => !Number.isNaN(Date.parse(s)), "Not a real date");

export type Period = { from: string; to: string; isDefault: boolean };

/**
 * The scorecard period from the URL (?from=&to=), default pilot start to today.
 * Invalid input falls back to the default and says why, rather than failing the page.
 */
export function parsePeriod(query: { from?: unknown; to?: unknown }, defaults: { pilotStart: string; today: string }): { period: Period; error?: string } {
  const schema = z.object({ from: isoDate.optional(), to: isoDate.optional() });
  const pick = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const parsed = schema.safeParse({ from: pick(query.from), to: pick(query.to) });
  const fallback: Period = { from: defaults.pilotStart, to: defaults.today, isDefault: true };
  if (!parsed.success) return { period: fallback, error: parsed.error.issues[0]?.message };
  const from = parsed.data.from ?? defaults.pilotStart;
  const to = parsed.data.to ?? defaults.today;
  if (to < from) return { period: fallback, error: "The end date is before the start date" };
  return { period: { from, to, isDefault: !parsed.data.from && !parsed.data.to } };
}

export type BudgetLine = { name: string; approvedAmountCents: number; actualCostCents: number | null; status: string; note?: string | null };

export type CostSummary = {
  approvedCents: number;
  spentCents: number;
  /** Approved amounts of the items that have an actual cost: what spending compares with. */
  approvedForSpentCents: number;
  varianceCents: number;
  overBudget: Array<{ name: string; overCents: number; note: string | null }>;
};

/** Costs to date against budget; cancelled items count for neither side. */
export function summarizeCosts(items: BudgetLine[]): CostSummary {
  const live = items.filter((i) => i.status !== "cancelled");
  const spent = live.filter((i) => i.actualCostCents !== null);
  const approvedCents = live.reduce((s, i) => s + i.approvedAmountCents, 0);
  const spentCents = spent.reduce((s, i) => s + (i.actualCostCents ?? 0), 0);
  const approvedForSpentCents = spent.reduce((s, i) => s + i.approvedAmountCents, 0);
  const overBudget = spent
    .filter((i) => (i.actualCostCents ?? 0) > i.approvedAmountCents)
    .map((i) => ({ name: i.name, overCents: (i.actualCostCents ?? 0) - i.approvedAmountCents, note: i.note ?? null }));
  return { approvedCents, spentCents, approvedForSpentCents, varianceCents: spentCents - approvedForSpentCents, overBudget };
}
