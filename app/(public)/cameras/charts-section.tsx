// Charts of camera use, each with its table: accesses per week by operation and by reason, the
// weekly share with no case number, top users by pseudonym and accesses by agency.
import { ChartFigure } from "@/components/charts/chart-figure";
import type { Breakdown as PubBreakdown } from "@/db/queries/public/rollups";
import { useLocale, useTranslations } from "next-intl";
import type { ChartSeries } from "@/lib/charts/types";
import { formatCount } from "@/lib/format/numbers";
import { seriesRows, tableRows, weeklyShareRows } from "@/lib/rollups";

export function CameraCharts(p: {
  weekOp: PubBreakdown[];
  weekReason: PubBreakdown[];
  weekCase: PubBreakdown[];
  topUsers: PubBreakdown[];
  agencies: PubBreakdown[];
}) {
  const t = useTranslations("Cameras");
  const v = useTranslations("Vocab");
  const ch = useTranslations("Charts");
  const locale = useLocale() === "es" ? "es" : "en";
  // Operations and reasons by their codes; the part not broken down in the chart's own words; a
  // code the messages do not know keeps its published English label, marked so on a Spanish page.
  const en = locale === "en" ? undefined : "en";
  const relabel = (series: ChartSeries[], group: string) =>
    series.map((s) =>
      s.key === "not_broken_down"
        ? { ...s, label: locale === "en" ? s.label : ch("notBrokenDown", { suppressed: formatCount(null, locale) }) }
        : v.has(`${group}.${s.key}`)
          ? { ...s, label: v(`${group}.${s.key}`) }
          : { ...s, lang: en },
    );
  const op = tableRows(p.weekOp, { dateKeys: true, locale });
  op.series = relabel(op.series, "operation");
  const reason = tableRows(p.weekReason, { dateKeys: true, locale });
  reason.series = relabel(reason.series, "accessReason");
  const share = weeklyShareRows(p.weekCase, t("shareSeries"), locale);
  // Users' roles and agencies' names are published in English.
  const top = seriesRows(p.topUsers, t("accessesWord"), { labelLang: () => en });
  const ag = seriesRows(p.agencies, t("accessesWord"), { labelLang: () => en });
  return (
    <>
      <ChartFigure
        kind="bar"
        stacked
        title={t("opTitle")}
        description={t("opDescription")}
        rowHeader={t("weekStarting")}
        rows={op.rows}
        series={op.series}
        yLabel={t("accessesWord")}
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        stacked
        title={t("reasonTitle")}
        description={t("reasonDescription")}
        rowHeader={t("weekStarting")}
        rows={reason.rows}
        series={reason.series}
        yLabel={t("accessesWord")}
        tableCollapsed
      />
      <ChartFigure
        kind="line"
        valueFormat="percent"
        title={t("shareTitle")}
        description={t("shareDescription")}
        rowHeader={t("weekStarting")}
        rows={share.rows}
        series={share.series}
        yLabel={t("percent")}
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        title={t("topTitle")}
        description={t("topDescription")}
        rowHeader={t("user")}
        rows={top.rows}
        series={top.series}
        height={320}
      />
      <ChartFigure kind="bar" title={t("agencyTitle")} rowHeader={t("agency")} rows={ag.rows} series={ag.series} />
    </>
  );
}
