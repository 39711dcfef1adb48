// Grouped or stacked bars, drawn on the server as plain SVG: no client JavaScript, so the figure
// costs the reader nothing to run. Each series has a colour AND a fill pattern; the legend is HTML
// so it reads well and prints. The chart itself is hidden from assistive technology: the table that
// ChartFigure renders beside it carries the same numbers, for every reader: a tooltip per bar
// would double the page's weight (a weekly chart has hundreds of bars) and serves neither keyboard nor touch.
import { useId } from "react";
import { useLocale } from "next-intl";
import { numberFormat } from "@/lib/format/intl";
import { niceTicks } from "@/lib/charts/scale";
import { join, svgElement, type Markup } from "@/lib/format/markup";
import { safeId } from "./palette";
import { patternId, SeriesPatternDefs } from "./series-patterns";
import { SeriesLegend } from "./series-legend";
import { ChartFrame, INK, makeFrame, pct, tenth } from "./svg-frame";
import type { ChartRow, ChartSeries } from "../../lib/charts/types";
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
  const locale = useLocale() === "es" ? "es" : "en";
  const tag = locale === "es" ? "es-US" : "en-US";
  const val = (r: ChartRow, key: string) => r.values[key] ?? null;
  const max = Math.max(
    0,
    ...rows.map((r) =>
      stacked
        ? series.reduce((s, x) => s + (val(r, x.key) ?? 0), 0)
        : Math.max(0, ...series.map((x) => val(r, x.key) ?? 0)),
    ),
  );
  const ticks = niceTicks(max, { integer: true });
  const frame = makeFrame(rows.length, height, ticks, xLabel);
  // Gap on each side of a category, as a share of its band (recharts' barCategoryGap was 15%).
  const gap = touching ? 0.01 : 0.15;
  // One group per series carries its fill and the outline, so each bar is only its box; the bars
  // are the group's markup (lib/format/markup.ts), not one React element each.
  const bottoms = rows.map(() => 0);
  const bars = series.map((s, k) => {
    const marks: Markup[] = [];
    rows.forEach((r, i) => {
      const v = val(r, s.key);
      if (v === null || v <= 0) return;
      const b = frame.band(i);
      const inner = b.width * (1 - 2 * gap);
      const x0 = b.start + b.width * gap;
      const base = stacked ? bottoms[i] : 0;
      const x = stacked ? x0 : x0 + (inner / series.length) * k;
      const w = stacked ? inner : inner / series.length;
      const y1 = frame.y(base + v);
      const y0 = frame.y(base);
      if (stacked) bottoms[i] += v;
      marks.push(svgElement("rect", { x: pct(x), width: pct(w), y: y1, height: tenth(Math.max(0, y0 - y1)) }));
    });
    return (
      <g
        key={s.key}
        fill={`url(#${patternId(prefix, k)})`}
        stroke={INK}
        strokeWidth={0.5}
        dangerouslySetInnerHTML={{ __html: join(marks) }}
      />
    );
  });
  return (
    <div className={styles.chartBox}>
      {series.length > 1 ? <SeriesLegend prefix={prefix} series={series} kind="fill" /> : null}
      <ChartFrame
        frame={frame}
        ticks={ticks}
        tickText={(v) => numberFormat(tag).format(v)}
        labels={rows.map((r) => r.label)}
        xLabel={xLabel}
        yLabel={yLabel}
        defs={<SeriesPatternDefs prefix={prefix} count={series.length} />}
      >
        {bars}
      </ChartFrame>
    </div>
  );
}
