export { ChartFigure, HistogramFigure, type ChartFigureProps } from "./chart-figure";
export { ChartDataTable } from "./chart-data-table";
export { BarChart } from "./bar-chart";
export { LineChart } from "./line-chart";
export type { ChartRow, ChartSeries } from "../../lib/charts/types";
