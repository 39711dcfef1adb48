// Published breakdown rows → the plain chart/table data the shared chart components take.
import { dateTimeFormat } from "../format/intl";
import { SUPPRESSED_LABEL } from "../publish/rules/suppression";
import type { ChartRow, ChartSeries } from "@/lib/charts/types";

type B = {
  key: string;
  key2: string;
  label: string;
  label2: string;
  count: number | null;
  suppressed: boolean;
  value: number | null;
  ord: number;
};

const shortDate = (iso: string) =>
  dateTimeFormat("en-US", { month: "short", day: "numeric", year: "2-digit", timeZone: "UTC" }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** The series of the part of a row's published total that its published cells do not account for. */
export const NOT_BROKEN_DOWN: ChartSeries = {
  key: "not_broken_down",
  label: `Not broken down (each ${SUPPRESSED_LABEL})`,
};

/**
 * A rows × columns breakdown (key × key2) as chart rows; totals ("*") are left out, except that
 * where a row's published total exceeds its published cells (the rest are "fewer than 11"), the
 * difference is drawn as "not broken down": a week the log says had 36 searches is never empty.
 * That difference is the sum of at least two suppressed cells (complementary suppression), which
 * anyone can already compute from the published total, so it discloses nothing new.
 */
export function tableRows(rows: B[], opts: { dateKeys?: boolean } = {}): { rows: ChartRow[]; series: ChartSeries[] } {
  const series: ChartSeries[] = [];
  const seen = new Set<string>();
  const byKey = new Map<string, ChartRow>();
  const totals = new Map<string, number>();
  const shown = new Map<string, { sum: number; hidden: boolean }>();
  for (const r of [...rows].sort((a, b) => a.ord - b.ord)) {
    if (r.key === "*") continue;
    if (r.key2 === "*") {
      if (!r.suppressed && r.count !== null) totals.set(r.key, r.count);
      continue;
    }
    const acc = shown.get(r.key) ?? { sum: 0, hidden: false };
    if (r.suppressed || r.count === null) acc.hidden = true;
    else acc.sum += r.count;
    shown.set(r.key, acc);
    if (!seen.has(r.key2)) {
      seen.add(r.key2);
      series.push({ key: safeKey(r.key2), label: r.label2 });
    }
    let row = byKey.get(r.key);
    if (!row) {
      row = { label: opts.dateKeys ? shortDate(r.key) : r.label, values: {} };
      byKey.set(r.key, row);
    }
    row.values[safeKey(r.key2)] = r.suppressed ? null : r.count;
  }
  let rest = false;
  for (const [key, row] of byKey) {
    const total = totals.get(key);
    const acc = shown.get(key);
    if (total === undefined || !acc?.hidden || total - acc.sum <= 0) continue;
    row.values[NOT_BROKEN_DOWN.key] = total - acc.sum;
    rest = true;
  }
  if (rest) for (const row of byKey.values()) row.values[NOT_BROKEN_DOWN.key] ??= 0;
  return { rows: [...byKey.values()], series: rest ? [...series, NOT_BROKEN_DOWN] : series };
}

/** A one-dimensional breakdown as chart rows (the "*" total is returned separately). */
export function seriesRows(
  rows: B[],
  seriesLabel: string,
  opts: { dateKeys?: boolean; limit?: number } = {},
): { rows: ChartRow[]; series: ChartSeries[]; total: number | null } {
  const items = [...rows].sort((a, b) => a.ord - b.ord).filter((r) => r.key !== "*");
  const total = rows.find((r) => r.key === "*");
  return {
    rows: items.slice(0, opts.limit ?? items.length).map((r) => {
      // "user-ab12cd · Role, Agency": the pseudonym on the axis, the rest in the table.
      const [label, detail] = opts.dateKeys ? [shortDate(r.key)] : r.label.split(" · ");
      return { label, detail, values: { n: r.suppressed ? null : r.count } };
    }),
    series: [{ key: "n", label: seriesLabel }],
    total: total && !total.suppressed ? total.count : null,
  };
}

/** Weekly shares riding on the row totals (key2 "*") as percentages. */
export function weeklyShareRows(rows: B[], label: string): { rows: ChartRow[]; series: ChartSeries[] } {
  const items = rows.filter((r) => r.key2 === "*" && r.key !== "*").sort((a, b) => a.ord - b.ord);
  return {
    rows: items.map((r) => ({
      label: shortDate(r.key),
      values: { share: r.value === null ? null : Math.round(r.value * 1000) / 10 },
    })),
    series: [{ key: "share", label }],
  };
}

const safeKey = (k: string) => k.replace(/[^a-zA-Z0-9_]/g, "_");
