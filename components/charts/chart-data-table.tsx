// The same numbers as the chart, as a table: a chart is never the only way to read a number.
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/format/numbers";
import { numberFormat } from "@/lib/format/intl";
import type { ChartRow, ChartSeries } from "../../lib/charts/types";

export type ChartDataTableProps = {
  caption: string;
  rows: ChartRow[];
  series: ChartSeries[];
  /** Header of the first column (what each row is: "Week", "Hour of day"). */
  rowHeader: string;
  valueFormat?: "count" | "number" | "percent";
};

export function ChartDataTable({ caption, rows, series, rowHeader, valueFormat = "count" }: ChartDataTableProps) {
  const locale = useLocale() === "es" ? "es" : "en";
  const t = useTranslations("Charts");
  const fmt = (v: number | null | undefined) =>
    valueFormat === "count"
      ? formatCount(v, locale)
      : v === null || v === undefined
        ? t("notPublished")
        : `${numberFormat(locale === "es" ? "es-US" : "en-US").format(v)}${valueFormat === "percent" ? "%" : ""}`;
  return (
    <div className="table-wrap">
      <table className="stack nums">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                <span lang={s.lang}>{s.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" data-label={rowHeader}>
                <span lang={r.lang}>
                  {r.label}
                  {r.detail ? <span className="muted" style={{ fontWeight: 400 }}>{` · ${r.detail}`}</span> : null}
                </span>
              </th>
              {series.map((s) => (
                <td key={s.key} data-label={s.label}>
                  {fmt(r.values[s.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
