// Plain, serializable chart data: server components draw it as SVG and as a table.
/** One series (a colour + pattern in the chart, a column in the table). Keys: letters, digits, _ only. */
export type ChartSeries = { key: string; label: string };
/** One category on the x axis; a null value is a suppressed count ("fewer than 11"). */
export type ChartRow = {
  label: string;
  values: Record<string, number | null>;
  /** Extra words for the table's row header only (the axis keeps the short label). */
  detail?: string;
};
