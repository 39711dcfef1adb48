// Lines over an ordered x axis (weeks, hours), drawn on the server as plain SVG (no client
// JavaScript). Series differ by colour, dash style and marker; suppressed points (null) leave a gap
// rather than being drawn as zero. The values are in the table ChartFigure renders beside it.
import { useId } from "react";
import { useLocale } from "next-intl";
import { numberFormat } from "@/lib/format/intl";
import { niceTicks } from "@/lib/charts/scale";
import { join, svgElement, type Markup } from "@/lib/format/markup";
import { safeId, seriesColor, seriesDash } from "./palette";
import { SeriesLegend } from "./series-legend";
import { ChartFrame, makeFrame, pct } from "./svg-frame";
import type { ChartRow, ChartSeries } from "../../lib/charts/types";
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

/** A point's marker, as markup centred on the point (each series has its own shape and colour). */
function marker(i: number): Markup {
  const fill = seriesColor(i);
  const m = MARKERS[i % MARKERS.length];
  if (m === "square") return svgElement("rect", { x: -3.5, y: -3.5, width: 7, height: 7, fill });
  if (m === "triangle") return svgElement("path", { d: "M0,-4.5 L4.5,3.5 L-4.5,3.5 Z", fill });
  if (m === "diamond") return svgElement("path", { d: "M0,-5 L5,0 L0,5 L-5,0 Z", fill });
  return svgElement("circle", { r: 3.5, fill });
}

export function LineChart({ rows, series, height = 300, xLabel, yLabel, valueFormat = "count" }: LineChartProps) {
  const prefix = safeId(`line${useId()}`);
  const locale = useLocale() === "es" ? "es" : "en";
  const tag = locale === "es" ? "es-US" : "en-US";
  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const ticks = niceTicks(max, { integer: valueFormat === "count" });
  const frame = makeFrame(rows.length, height, ticks, xLabel);
  const x = (i: number) => {
    const b = frame.band(i);
    return b.start + b.width / 2;
  };
  // Each series is one group whose markup (lib/format/markup.ts) holds its segments and its
  // markers, not one React element per mark.
  const lines = series.map((s, k) => {
    const v = (i: number) => rows[i]?.values[s.key] ?? null;
    const segments: Markup[] = [];
    for (let j = 0; j + 1 < rows.length; j++) {
      const a = v(j);
      const b = v(j + 1);
      if (a === null || b === null) continue;
      segments.push(svgElement("line", { x1: pct(x(j)), x2: pct(x(j + 1)), y1: frame.y(a), y2: frame.y(b) }));
    }
    const stroke = {
      stroke: seriesColor(k),
      "stroke-width": 2.5,
      "stroke-dasharray": seriesDash(k) || undefined,
      "stroke-linecap": "round",
    };
    const markup = [svgElement("g", stroke, join(segments))];
    const shape = marker(k);
    rows.forEach((_, i) => {
      const value = v(i);
      if (value === null) return;
      markup.push(svgElement("svg", { x: pct(x(i)), y: frame.y(value), overflow: "visible" }, shape));
    });
    return <g key={s.key} dangerouslySetInnerHTML={{ __html: join(markup) }} />;
  });
  return (
    <div className={styles.chartBox}>
      {series.length > 1 ? <SeriesLegend prefix={prefix} series={series} kind="line" /> : null}
      <ChartFrame
        frame={frame}
        ticks={ticks}
        tickText={(t) => (valueFormat === "percent" ? `${t}%` : numberFormat(tag).format(t))}
        labels={rows.map((r) => r.label)}
        xLabel={xLabel}
        yLabel={yLabel}
      >
        {lines}
      </ChartFrame>
    </div>
  );
}
