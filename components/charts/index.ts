export { ChartFigure, HistogramFigure } from "./chart-figure";
export type { ChartRow, ChartSeries } from "../../lib/charts/types";
