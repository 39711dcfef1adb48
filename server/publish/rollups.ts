import "server-only";
// The one rollup builder: every dataset's counts become breakdown rows here, with small-count
// suppression (complementary against every published total), its medians and shares are published
// only on enough events, and its rollups are replaced in pub_breakdowns / pub_metrics / pub_cells.
// What a dataset counts stays in its publisher; the shape of what it publishes is decided here.
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { pubBreakdowns, pubCells, pubMetrics } from "../../db/schema";
import { insertJsonRows } from "../../db/sql";
import { rules } from "../../lib/publish/rules";
import { suppressCount, suppressSeries, suppressTable, type PubCount } from "../../lib/publish/rules/suppression";
import type { RollupDataset } from "../../lib/vocab";

export type BreakdownRow = typeof pubBreakdowns.$inferInsert;
export type MetricRow = typeof pubMetrics.$inferInsert;
export type CellRow = typeof pubCells.$inferInsert;
export type Keyed = { key: string; label: string };
export type Built = { rows: BreakdownRow[]; suppressed: number };
export type Rollups = { breakdowns: BreakdownRow[]; metrics: MetricRow[]; cells: CellRow[] };

/** One published breakdown row; `value` holds a median or share where the row is not a count. */
export const breakdownRow = (
  dataset: RollupDataset,
  breakdown: string,
  period: string,
  key: string,
  key2: string,
  label: string,
  c: PubCount,
  ord: number,
  value: number | null = null,
  label2 = "",
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

/** One breakdown of one total (e.g. flights by category), published with the total (key "*"). */
export function seriesBreakdown(
  dataset: RollupDataset,
  breakdown: string,
  period: string,
  items: Array<Keyed & { n: number }>,
  totalLabel: string,
): Built {
  const s = suppressSeries(items.map((i) => i.n));
  const rows = items.map((it, i) => breakdownRow(dataset, breakdown, period, it.key, "", it.label, s.cells[i], i));
  rows.push(breakdownRow(dataset, breakdown, period, "*", "", totalLabel, s.total, items.length));
  return { rows, suppressed: s.suppressedCount };
}

/**
 * How a rows × columns table is labelled and ordered. "labelled" (cameras, plate readers): each
 * cell carries its row's label and its column's (label2), totals are "All", ord counts cells.
 * "by column" (drones, CSO weeks): each cell carries its column's label, totals `totalLabel`,
 * a row's cells share the row's ord and the column totals follow the rows.
 */
export type TableLayout = { kind: "labelled" } | { kind: "by column"; totalLabel: string };

/**
 * A rows × columns table (e.g. weeks × operations) with row totals (key2 "*"), column totals
 * (key "*") and the grand total. Missing cells count as zero.
 */
export function tableBreakdown(
  dataset: RollupDataset,
  breakdown: string,
  period: string,
  rowKeys: Keyed[],
  colKeys: Keyed[],
  counts: Map<string, number>,
  layout: TableLayout = { kind: "labelled" },
): Built {
  const values = rowKeys.map((r) => colKeys.map((c) => counts.get(`${r.key}|${c.key}`) ?? 0));
  const t = suppressTable(values, rules.minCount, colKeys.length);
  const rows: BreakdownRow[] = [];
  const mk = (key: string, key2: string, label: string, label2: string, c: PubCount, ord: number) =>
    rows.push(breakdownRow(dataset, breakdown, period, key, key2, label, c, ord, null, label2));
  if (layout.kind === "labelled") {
    let ord = 0;
    rowKeys.forEach((r, i) => {
      colKeys.forEach((c, j) => mk(r.key, c.key, r.label, c.label, t.cells[i][j], ord++));
      mk(r.key, "*", r.label, "All", t.rowTotals[i], ord++);
    });
    colKeys.forEach((c, j) => mk("*", c.key, "All", c.label, t.colTotals[j], ord++));
    mk("*", "*", "All", "All", t.total, ord++);
  } else {
    const all = layout.totalLabel;
    rowKeys.forEach((r, i) => {
      colKeys.forEach((c, j) => mk(r.key, c.key, c.label, "", t.cells[i][j], i));
      mk(r.key, "*", all, "", t.rowTotals[i], i);
    });
    colKeys.forEach((c, j) => mk("*", c.key, c.label, "", t.colTotals[j], rowKeys.length + j));
    mk("*", "*", all, "", t.total, rowKeys.length + colKeys.length);
  }
  return { rows, suppressed: t.suppressedCount };
}

/** A share (3 decimals), published only when built on enough events. */
export const rate = (value: number | null, n: number) =>
  n >= rules.minEventsForRate && value !== null ? Math.round(value * 1000) / 1000 : null;

/** A median in minutes (1 decimal), published only when built on enough events. */
export const minutesRate = (value: number | null, n: number) =>
  n >= rules.minEventsForRate && value !== null ? Math.round(value * 10) / 10 : null;

/** A count metric: the count shown and the events it is built on, both suppressed when small. */
export function countMetric(
  meta: Omit<MetricRow, "metric" | "value" | "n" | "suppressed">,
  metric: string,
  n: number,
): MetricRow {
  const c = suppressCount(n);
  return { ...meta, metric, value: c.value, n: c.value, suppressed: c.suppressed };
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

/** Deletes the datasets' published rollups, inside the publication's transaction. */
export async function clearRollups(tx: DbOrTx, datasets: RollupDataset[]): Promise<void> {
  for (const t of [pubBreakdowns, pubMetrics, pubCells]) await tx.delete(t).where(inArray(t.dataset, datasets));
}

/** Adds rollup rows (after clearRollups); returns the rows written. */
export async function insertRollups(tx: DbOrTx, r: Partial<Rollups>): Promise<number> {
  if (r.breakdowns?.length) await insertJsonRows(tx, pubBreakdowns, r.breakdowns);
  if (r.metrics?.length) await insertJsonRows(tx, pubMetrics, r.metrics);
  if (r.cells?.length) await insertJsonRows(tx, pubCells, r.cells);
  return (r.breakdowns?.length ?? 0) + (r.metrics?.length ?? 0) + (r.cells?.length ?? 0);
}

/** Replaces one dataset's rollups with `r`; returns the rows written. */
export async function replaceRollups(tx: DbOrTx, dataset: RollupDataset, r: Rollups): Promise<number> {
  await clearRollups(tx, [dataset]);
  return insertRollups(tx, r);
}
