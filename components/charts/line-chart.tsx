"use client";
// Lines over an ordered x axis (weeks, hours). Series differ by colour, dash style and marker;
// suppressed points (null) leave a gap rather than being drawn as zero.
import { CartesianGrid, Line, LineChart as RLineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useId } from "react";
import { formatCount } from "@/lib/format/numbers";
import { safeId, seriesColor, seriesDash } from "./palette";
import { SeriesLegend } from "./series-legend";
import { flattenRows, type ChartRow, type ChartSeries } from "../../lib/charts/types";
import styles from "./charts.module.css";

export type LineChartProps = {
  rows: ChartRow[];
  series: ChartSeries[];
  height?: number;
  xLabel?: string;
  yLabel?: string;
  /** Values are not counts (e.g. minutes): show them as numbers, not "fewer than 11". */
  valueFormat?: "count" | "number" | "percent";
};

const MARKERS = ["circle", "square", "triangle", "diamond"] as const;

function Marker({ cx, cy, i }: { cx?: number; cy?: number; i: number }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cy)) return null;
  const c = seriesColor(i);
  const m = MARKERS[i % MARKERS.length];
  if (m === "square") return <rect x={cx - 3.5} y={cy - 3.5} width={7} height={7} fill={c} />;
  if (m === "triangle")
    return <path d={`M${cx},${cy - 4.5} L${cx + 4.5},${cy + 3.5} L${cx - 4.5},${cy + 3.5} Z`} fill={c} />;
  if (m === "diamond")
    return <path d={`M${cx},${cy - 5} L${cx + 5},${cy} L${cx},${cy + 5} L${cx - 5},${cy} Z`} fill={c} />;
  return <circle cx={cx} cy={cy} r={3.5} fill={c} />;
}

export function LineChart({ rows, series, height = 300, xLabel, yLabel, valueFormat = "count" }: LineChartProps) {
  const prefix = safeId(`line${useId()}`);
  const fmt = (v: unknown) =>
    valueFormat === "count"
      ? formatCount(typeof v === "number" ? v : null)
      : typeof v === "number"
        ? `${v.toLocaleString("en-US")}${valueFormat === "percent" ? "%" : ""}`
        : "not published";
  return (
    <div className={styles.chartBox}>
      {series.length > 1 ? <SeriesLegend prefix={prefix} series={series} kind="line" /> : null}
      <RLineChart
        responsive
        style={{ width: "100%", height }}
        data={flattenRows(rows)}
        margin={{ top: 8, right: 16, bottom: xLabel ? 28 : 8, left: yLabel ? 16 : 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#c9d0d8" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: "#1b1f24", fontSize: 12 }}
          stroke="#4a5360"
          label={xLabel ? { value: xLabel, position: "insideBottom", offset: -18, fill: "#1b1f24" } : undefined}
        />
        <YAxis
          tickFormatter={valueFormat === "percent" ? (v: number) => `${v}%` : undefined}
          tick={{ fill: "#1b1f24", fontSize: 12 }}
          stroke="#4a5360"
          label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: "#1b1f24" } : undefined}
        />
        <Tooltip formatter={fmt} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(i)}
            strokeWidth={2.5}
            strokeDasharray={seriesDash(i)}
            dot={(p: { cx?: number; cy?: number; index?: number }) => (
              <Marker key={`${s.key}-${p.index}`} cx={p.cx} cy={p.cy} i={i} />
            )}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </RLineChart>
    </div>
  );
}
