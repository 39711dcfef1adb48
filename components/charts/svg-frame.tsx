// The frame both server-rendered charts share: a value axis in its own narrow SVG, and the plot in
// an SVG as wide as its box. Horizontal positions in the plot are percentages of its width, so the
// chart fits any screen without JavaScript measuring it; vertical positions are pixels.
import type { ReactNode } from "react";
import { labelEvery } from "@/lib/charts/scale";
import styles from "./charts.module.css";

export const INK = "#1b1f24";
export const AXIS = "#4a5360";
export const GRID = "#c9d0d8";
const TOP = 8;

export type Frame = {
  height: number;
  /** Pixel row of the value v. */
  y: (v: number) => number;
  /** Percent of the plot's width where category i's band starts, and the band's width. */
  band: (i: number) => { start: number; width: number };
  baseline: number;
};

export function makeFrame(count: number, height: number, ticks: number[], xLabel?: string): Frame {
  const bottom = height - (xLabel ? 44 : 24);
  const top = ticks[ticks.length - 1] || 1;
  const width = 100 / Math.max(1, count);
  return {
    height,
    baseline: bottom,
    // To a tenth of a pixel: finer adds bytes to every page, not sharpness.
    y: (v) => tenth(bottom - (Math.max(0, v) / top) * (bottom - TOP)),
    band: (i) => ({ start: i * width, width }),
  };
}

const pct = (n: number) => `${Number(n.toFixed(3))}%`;
/** A pixel position to a tenth. */
export const tenth = (n: number) => Math.round(n * 10) / 10;

export function ChartFrame(props: {
  frame: Frame;
  ticks: number[];
  tickText: (v: number) => string;
  labels: string[];
  xLabel?: string;
  yLabel?: string;
  children: ReactNode;
  defs?: ReactNode;
}) {
  const { frame, ticks, tickText, labels, xLabel, yLabel } = props;
  const tickLabels = ticks.map(tickText);
  const longest = Math.max(1, ...tickLabels.map((t) => t.length));
  const axisWidth = Math.ceil(longest * 7 + 14 + (yLabel ? 20 : 0));
  const maxChars = Math.max(1, ...labels.map((l) => l.length));
  // Labels every `wide`th category on a wide box, every `narrow`th on a phone (charts.module.css).
  const wide = labelEvery(labels.length, maxChars, 640);
  // A multiple of `wide`, so the phone's labels are some of the wide box's.
  const narrow = Math.ceil(labelEvery(labels.length, maxChars, 290) / wide) * wide;
  const last = labels.length - 1;
  const shown = (i: number, every: number) => (last - i) % every === 0;
  return (
    <div className={styles.plot} style={{ height: frame.height }}>
      <svg width={axisWidth} height={frame.height} aria-hidden="true" focusable="false" className={styles.axis}>
        {yLabel ? (
          <text
            transform={`translate(12 ${(frame.baseline + 8) / 2}) rotate(-90)`}
            textAnchor="middle"
            fill={INK}
            fontSize={12}
          >
            {yLabel}
          </text>
        ) : null}
        {ticks.map((t, i) => (
          <text key={t} x={axisWidth - 8} y={frame.y(t)} dy="0.32em" textAnchor="end" fill={INK} fontSize={12}>
            {tickLabels[i]}
          </text>
        ))}
        <line
          x1={axisWidth - 0.5}
          x2={axisWidth - 0.5}
          y1={frame.y(ticks[ticks.length - 1])}
          y2={frame.baseline}
          stroke={AXIS}
        />
      </svg>
      <svg
        width="100%"
        height={frame.height}
        aria-hidden="true"
        focusable="false"
        className={`chart-surface ${styles.surface}`}
        overflow="visible"
      >
        {props.defs}
        {ticks.slice(1).map((t) => (
          <line key={t} x1="0" x2="100%" y1={frame.y(t)} y2={frame.y(t)} stroke={GRID} strokeDasharray="3 3" />
        ))}
        {props.children}
        <line x1="0" x2="100%" y1={frame.baseline} y2={frame.baseline} stroke={AXIS} />
        {labels.map((l, i) => {
          if (!shown(i, wide)) return null;
          const b = frame.band(i);
          return (
            <text
              key={i}
              x={pct(b.start + b.width / 2)}
              y={frame.baseline + 16}
              textAnchor="middle"
              fill={INK}
              fontSize={12}
              className={shown(i, narrow) ? undefined : styles.wideOnly}
            >
              {l}
            </text>
          );
        })}
        {xLabel ? (
          <text x="50%" y={frame.height - 6} textAnchor="middle" fill={INK} fontSize={12}>
            {xLabel}
          </text>
        ) : null}
      </svg>
    </div>
  );
}

export { pct };
