// Plain, serializable chart data: server components draw it as SVG and as a table.
/** One series (a colour + pattern in the chart, a column in the table). Keys: letters, digits, _ only. */
export type ChartSeries = {
  key: string;
  label: string;
  /**
   * The label's language when it is not the page's: a label published in English (a call type, an
   * area) with no translation, on a Spanish page, is "en" so screen readers pronounce it right.
   */
  lang?: string;
};
/** One category on the x axis; a null value is a suppressed count ("fewer than 11"). */
export type ChartRow = {
  label: string;
  values: Record<string, number | null>;
  /** Extra words for the table's row header only (the axis keeps the short label). */
  detail?: string;
  /** The label's language when it is not the page's (see ChartSeries.lang); covers `detail` too. */
  lang?: string;
};
