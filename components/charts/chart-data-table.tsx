// The same numbers as the chart, as a table: a chart is never the only way to read a number.
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/format/numbers";
import { numberFormat } from "@/lib/format/intl";
import { htmlElement, join, text, type Markup } from "@/lib/format/markup";
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
  const row = (r: ChartRow): Markup => {
    const detail = r.detail
      ? [htmlElement("span", { class: "muted", style: "font-weight:400" }, text(` · ${r.detail}`))]
      : [];
    const head = htmlElement(
      "th",
      { scope: "row", "data-label": rowHeader },
      htmlElement("span", { lang: r.lang }, join([text(r.label), ...detail])),
    );
    return htmlElement(
      "tr",
      {},
      join([head, ...series.map((s) => htmlElement("td", { "data-label": s.label }, text(fmt(r.values[s.key]))))]),
    );
  };
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
        {/* The rows as markup (lib/format/markup.ts): a weekly table has hundreds of cells. */}
        <tbody dangerouslySetInnerHTML={{ __html: join(rows.map(row)) }} />
      </table>
    </div>
  );
}
