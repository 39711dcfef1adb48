// An HTML legend: swatch (pattern or dash style) + label for each series.
import { seriesColor, seriesDash } from "./palette";
import { Swatch } from "./series-patterns";
import type { ChartSeries } from "../../lib/charts/types";
import styles from "./charts.module.css";

export function SeriesLegend({
  prefix,
  series,
  kind,
}: {
  prefix: string;
  series: ChartSeries[];
  kind: "fill" | "line";
}) {
  return (
    <ul className={styles.legend} aria-hidden="true">
      {series.map((s, i) => (
        <li key={s.key}>
          {kind === "fill" ? (
            <Swatch prefix={prefix} i={i} />
          ) : (
            <svg width="28" height="12" aria-hidden="true" focusable="false" style={{ marginRight: 4 }}>
              <line
                x1="1"
                y1="6"
                x2="27"
                y2="6"
                stroke={seriesColor(i)}
                strokeWidth="3"
                strokeDasharray={seriesDash(i)}
              />
            </svg>
          )}
          <span lang={s.lang}>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
