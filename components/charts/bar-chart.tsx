"use client";
// Grouped or stacked bars (recharts 3). Each series has a colour AND a fill pattern; the legend is
// HTML so it reads well and prints. The chart itself is hidden from assistive technology: the
// table that ChartFigure renders beside it carries the same numbers.
import { useId } from "react";
import { Bar, BarChart as RBarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format/numbers";
import { safeId } from "./palette";
import { patternId, SeriesPatternDefs } from "./series-patterns";
import { SeriesLegend } from "./series-legend";
import { flattenRows, type ChartRow, type ChartSeries } from "../../lib/charts/types";
import styles from "./charts.module.css";

export type BarChartProps = {
  rows: ChartRow[];
  series: ChartSeries[];
  stacked?: boolean;
  /** Histogram style: bars touch. */
  touching?: boolean;
  height?: number;
  xLabel?: string;
  yLabel?: string;
};

export function BarChart({
  rows,
  series,
  stacked = false,
  touching = false,
  height = 300,
  xLabel,
  yLabel,
}: BarChartProps) {
  const prefix = safeId(`bar${useId()}`);
  const data = flattenRows(rows);
  return (
    <div className={styles.chartBox}>
      {series.length > 1 ? <SeriesLegend prefix={prefix} series={series} kind="fill" /> : null}
      <RBarChart
        responsive
        style={{ width: "100%", height }}
        data={data}
        margin={{ top: 8, right: 12, bottom: xLabel ? 28 : 8, left: yLabel ? 16 : 0 }}
        barCategoryGap={touching ? 1 : "15%"}
        accessibilityLayer={false}
      >
        <SeriesPatternDefs prefix={prefix} count={series.length} />
        <CartesianGrid stroke="#c9d0d8" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: "#1b1f24", fontSize: 12 }}
          stroke="#4a5360"
          label={xLabel ? { value: xLabel, position: "insideBottom", offset: -18, fill: "#1b1f24" } : undefined}
        />
        <YAxis
          allowDecimals={false}
          tick={{ fill: "#1b1f24", fontSize: 12 }}
          stroke="#4a5360"
          label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: "#1b1f24" } : undefined}
        />
        <Tooltip formatter={(v) => formatCount(typeof v === "number" ? v : null)} />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? "stack" : undefined}
            fill={`url(#${patternId(prefix, i)})`}
            stroke="#1b1f24"
            strokeWidth={0.5}
            isAnimationActive={false}
          />
        ))}
      </RBarChart>
    </div>
  );
}
