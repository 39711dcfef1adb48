import "server-only";
// Turns grouped counts into published breakdown rows for the camera and plate-reader datasets,
// applying small-count suppression with complementary suppression against every published total.
import { rules } from "../../lib/publish/rules";
import { suppressCount, suppressSeries, suppressTable, type PubCount } from "../../lib/publish/rules/suppression";
import type { pubCameraBreakdowns } from "../../db/schema";

export type BreakdownRow = typeof pubCameraBreakdowns.$inferInsert;
export type Dataset = "cameras" | "alpr";
export type Keyed = { key: string; label: string };
export type Built = { rows: BreakdownRow[]; suppressed: number };

const mk = (
  dataset: Dataset,
  breakdown: string,
  period: string,
  key: string,
  key2: string,
  label: string,
  label2: string,
  c: PubCount,
  ord: number,
  value: number | null = null,
): BreakdownRow => ({
  dataset,
  breakdown,
  period,
  key,
  key2,
  label,
  label2,
  count: c.value,
  suppressed: c.suppressed,
  value,
  ord,
});

/** One breakdown of one total (e.g. accesses by reason), published with the total (key "*"). */
export function seriesBreakdown(
  dataset: Dataset,
  breakdown: string,
  period: string,
  items: Array<Keyed & { n: number }>,
  totalLabel: string,
): Built {
  const s = suppressSeries(items.map((i) => i.n));
  const rows = items.map((it, i) => mk(dataset, breakdown, period, it.key, "", it.label, "", s.cells[i], i));
  rows.push(mk(dataset, breakdown, period, "*", "", totalLabel, "", s.total, items.length));
  return { rows, suppressed: s.suppressedCount };
}

/**
 * A rows × columns table (e.g. weeks × operations) with row totals (key2 "*"), column totals
 * (key "*") and the grand total. Missing cells count as zero.
 */
export function tableBreakdown(
  dataset: Dataset,
  breakdown: string,
  period: string,
  rowKeys: Keyed[],
  colKeys: Keyed[],
  counts: Map<string, number>,
): Built {
  const values = rowKeys.map((r) => colKeys.map((c) => counts.get(`${r.key}|${c.key}`) ?? 0));
  const t = suppressTable(values, rules.minCount, colKeys.length);
  const rows: BreakdownRow[] = [];
  let ord = 0;
  rowKeys.forEach((r, i) => {
    colKeys.forEach((c, j) =>
      rows.push(mk(dataset, breakdown, period, r.key, c.key, r.label, c.label, t.cells[i][j], ord++)),
    );
    rows.push(mk(dataset, breakdown, period, r.key, "*", r.label, "All", t.rowTotals[i], ord++));
  });
  colKeys.forEach((c, j) =>
    rows.push(mk(dataset, breakdown, period, "*", c.key, "All", c.label, t.colTotals[j], ord++)),
  );
  rows.push(mk(dataset, breakdown, period, "*", "*", "All", "All", t.total, ord++));
  return { rows, suppressed: t.suppressedCount };
}

/**
 * A share published only when it cannot give a suppressed count away: built on at least
 * minEventsForRate events, and neither the part nor the rest is a small (1..k-1) count.
 */
export function safeShare(part: number, total: number): number | null {
  if (total < rules.minEventsForRate) return null;
  if (suppressCount(part).suppressed || suppressCount(total - part).suppressed) return null;
  return Math.round((part / total) * 1000) / 1000;
}

/** Keys of the weeks between two local dates (Mondays), oldest first, so empty weeks show as 0. */
export function weekKeys(firstMonday: string, lastMonday: string): Keyed[] {
  const out: Keyed[] = [];
  for (
    let d = new Date(`${firstMonday}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= lastMonday;
    d.setUTCDate(d.getUTCDate() + 7)
  ) {
    const iso = d.toISOString().slice(0, 10);
    out.push({ key: iso, label: iso });
  }
  return out;
}
