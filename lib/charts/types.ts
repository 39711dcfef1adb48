// Plain, serializable chart data: server pages pass it to the client charts and to the tables.
/** One series (a colour + pattern in the chart, a column in the table). Keys: letters, digits, _ only. */
export type ChartSeries = { key: string; label: string };
/** One category on the x axis; a null value is a suppressed count ("fewer than 11"). */
export type ChartRow = {
  label: string;
  values: Record<string, number | null>;
  /** Extra words for the table's row header only (the axis keeps the short label). */
  detail?: string;
};

/** Recharts wants flat objects: { label, [seriesKey]: value }. */
export function flattenRows(rows: ChartRow[]): Array<Record<string, string | number | null>> {
  return rows.map((r) => ({ label: r.label, ...r.values }));
}
