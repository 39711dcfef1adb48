// Turning published breakdown rows into chart rows and series (null = "fewer than 11").
import type { ChartRow, ChartSeries } from "@/components/charts";
import type { Breakdown } from "@/db/queries/public/drones";

/** A one-dimensional breakdown without its total row. */
export function cellsOf(rows: Breakdown[]): Breakdown[] {
  return rows.filter((r) => r.key !== "*" && r.key2 !== "*");
}

export function totalOf(rows: Breakdown[]): Breakdown | undefined {
  return rows.find((r) => r.key === "*" && (r.key2 === "" || r.key2 === "*"));
}

/** Weeks x groups: one chart row per week, one series per group. */
export function weekGroupChart(rows: Breakdown[]): { rows: ChartRow[]; series: ChartSeries[] } {
  const cells = cellsOf(rows);
  const groups = new Map<string, string>();
  for (const r of cells) groups.set(r.key2, r.label);
  const series = [...groups]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, label]) => ({ key: safeKey(key), label }));
  const weeks = new Map<string, Record<string, number | null>>();
  for (const r of cells) {
    const w = weeks.get(r.key) ?? {};
    w[safeKey(r.key2)] = r.suppressed ? null : r.count;
    weeks.set(r.key, w);
  }
  return {
    series,
    rows: [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([label, values]) => ({ label, values })),
  };
}

export const safeKey = (k: string) => k.replace(/[^A-Za-z0-9_]/g, "_");
