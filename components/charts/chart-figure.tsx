// ChartWithTable: a titled figure with the chart (hidden from assistive technology behind an
// accessible name) and a table of the same numbers below it. Rendered on the server only: the
// chart is SVG that needs no hydration, so a page of figures ships no chart JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { anySuppressed, formatCount } from "@/lib/format/numbers";
import { BarChart } from "./bar-chart";
import { ChartDataTable } from "./chart-data-table";
import { LineChart } from "./line-chart";
import type { ChartRow, ChartSeries } from "../../lib/charts/types";
import styles from "./charts.module.css";

type Common = {
  title: string;
  /** One sentence saying what is counted and over which period. */
  description?: string;
  rows: ChartRow[];
  series: ChartSeries[];
  /** First column of the table: what each row is ("Week starting", "Hour of day"). */
  rowHeader: string;
  xLabel?: string;
  yLabel?: string;
  height?: number;
  /** Long tables (e.g. 52 weeks) can start collapsed; the numbers stay in the page. */
  tableCollapsed?: boolean;
  /** Text shown when there are no rows. */
  emptyText?: string;
};

export type ChartFigureProps = Common &
  (
    | { kind: "bar"; stacked?: boolean }
    | { kind: "histogram" }
    | { kind: "line"; valueFormat?: "count" | "number" | "percent" }
  );

export function ChartFigure(props: ChartFigureProps) {
  const { title, description, rows, series, rowHeader, xLabel, yLabel, height, tableCollapsed, emptyText } = props;
  const valueFormat = props.kind === "line" ? (props.valueFormat ?? "count") : "count";
  const suppressed =
    valueFormat === "count" && anySuppressed(rows.flatMap((r) => series.map((s) => r.values[s.key] ?? null)));
  const t = useTranslations("Charts");
  const suppressedText = formatCount(null, useLocale() === "es" ? "es" : "en");
  const label = t("label", { title, description: description ?? "" })
    .replace(/\s+/g, " ")
    .trim();
  const table = (
    <ChartDataTable
      caption={t("tableCaption", { title })}
      rows={rows}
      series={series}
      rowHeader={rowHeader}
      valueFormat={valueFormat}
    />
  );
  return (
    <figure className={styles.figure}>
      <figcaption>
        <span className={styles.title}>{title}</span>
        {description ? <span className="muted">{description}</span> : null}
      </figcaption>
      {rows.length === 0 ? (
        <p>{emptyText ?? t("empty")}</p>
      ) : (
        <>
          <div role="img" aria-label={label}>
            {props.kind === "line" ? (
              <LineChart
                rows={rows}
                series={series}
                height={height}
                xLabel={xLabel}
                yLabel={yLabel}
                valueFormat={valueFormat}
              />
            ) : (
              <BarChart
                rows={rows}
                series={series}
                height={height}
                xLabel={xLabel}
                yLabel={yLabel}
                stacked={props.kind === "bar" ? props.stacked : false}
                touching={props.kind === "histogram"}
              />
            )}
          </div>
          {suppressed ? <p className={styles.note}>{t("suppressedNote", { suppressed: suppressedText })}</p> : null}
          {tableCollapsed ? (
            <details className={styles.tableBlock}>
              <summary>{t("showTable")}</summary>
              {table}
            </details>
          ) : (
            <div className={styles.tableBlock}>{table}</div>
          )}
        </>
      )}
    </figure>
  );
}

/** A histogram is a bar chart of bins with one series. */
export function HistogramFigure(
  props: Omit<Common, "series" | "rows"> & {
    bins: Array<{ label: string; count: number | null; lang?: string }>;
    countLabel: string;
  },
) {
  const series = [{ key: "count", label: props.countLabel }];
  const rows = props.bins.map((b) => ({ label: b.label, values: { count: b.count }, lang: b.lang }));
  return <ChartFigure {...props} kind="histogram" rows={rows} series={series} />;
}
