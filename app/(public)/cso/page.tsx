// Community Safety Officers: what the unarmed responders did, how fast, with what outcome, and
// how that compares with patrol before the pilot. Every number comes from the published tables.
import { DownloadLinks } from "@/components/opendata/download-links";
import { connection } from "next/server";
import { ChartFigure } from "@/components/charts";
import { CityMap } from "@/components/maps/city-map";
import { areasFromFeatures } from "@/components/maps/types";
import { MetricCard } from "@/components/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCount, formatDate, formatMinutes, type FormatLocale } from "@/lib/format/numbers";
import { getBreakdown, getCells, getMetrics } from "@/db/queries/public/rollups";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { city } from "@/lib/config/city";
import { rules } from "@/lib/publish/rules";
import {
  countOf,
  figureText,
  monthLabel,
  pairRows,
  seriesRows,
  totalOf,
  weekColumnsChart,
  type BreakdownRow,
  type Figure,
} from "@/lib/rollups";
import { CountTable } from "@/components/tables/count-table";
import { Tr, pageTitle } from "@/i18n/tr";
import { dataLabel } from "@/i18n/data-label";

export const generateMetadata = pageTitle("cso.title");

const dayFmt = (tz: string, locale: FormatLocale) =>
  new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    timeZone: tz,
    year: "numeric",
    month: "short",
    day: "numeric",
  });

export default async function CsoPage() {
  await connection();
  const c = city();
  const b = (breakdown: string, period?: string) => getBreakdown({ dataset: "cso", breakdown, period });
  const [
    asOf,
    metrics,
    weekly,
    categories,
    sources,
    outcomes,
    referrals,
    areas,
    hours,
    byMonth,
    byCategory,
    bySource,
    cells,
  ] = await Promise.all([
    getDatasetAsOf({ dataset: "cso" }),
    getMetrics({ dataset: "cso" }),
    b("week_source"),
    b("category"),
    b("source"),
    b("outcome"),
    b("referral"),
    b("area"),
    b("hour"),
    b("response_month"),
    b("response_category"),
    b("response_source"),
    getCells({ dataset: "cso" }),
  ]);
  const [t, locale] = await Promise.all([getTranslations("Cso"), getLocale() as Promise<FormatLocale>]);
  const minutes = (v: number | null | undefined, notPublished = t("tooFew")) => formatMinutes(v, notPublished, locale);
  const metricText = (f: Figure, kind: "count" | "share" | "minutes") =>
    kind === "minutes" && f ? minutes(f.value) : figureText(f, kind, locale, "calls");
  // Labels the publisher wrote in English, by key (call types and neighborhoods stay as published).
  const relabel = (rows: BreakdownRow[], group: string) =>
    rows.map((r) => (t.has(`${group}.${r.key}`) ? { ...r, label: t(`${group}.${r.key}`) } : r));
  const en = locale === "en" ? undefined : "en";
  // A label left as published is English: marked so on a Spanish page (call types always are).
  const untranslated = (group: string) => (r: BreakdownRow) => (t.has(`${group}.${r.key}`) ? undefined : en);
  const m = (k: string) => metrics.get(k);
  const baseResp = m("baseline.median_response_min")?.value ?? null;
  const baseClear = m("baseline.median_clear_min")?.value ?? null;
  const cards = (p: "last30" | "since_launch", note: string) => [
    { label: t("callsHandled"), value: metricText(m(`${p}.calls`), "count"), note },
    {
      label: t("medianArrive"),
      value: metricText(m(`${p}.median_response_min`), "minutes"),
      note: baseResp !== null ? t("patrolBefore", { minutes: minutes(baseResp) }) : t("arriveNote"),
    },
    {
      label: t("noSworn"),
      value: metricText(m(`${p}.share_no_sworn`), "share"),
      note: t("noSwornNote"),
    },
    {
      label: t("medianClear"),
      value: metricText(m(`${p}.median_clear_min`), "minutes"),
      note: baseClear !== null ? t("patrolBefore", { minutes: minutes(baseClear) }) : t("clearNote"),
    },
    { label: t("referralCalls"), value: metricText(m(`${p}.calls_with_referral`), "count"), note },
    { label: t("reports"), value: metricText(m(`${p}.reports`), "count"), note },
  ];
  const week = weekColumnsChart(weekly, { seriesKey: (k) => `s_${k}` });
  week.series = week.series.map((s) => {
    const k = s.key.replace(/^s_/, "");
    return t.has(`source.${k}`) ? { ...s, label: t(`source.${k}`) } : { ...s, lang: en };
  });
  const trend = pairRows(byMonth, "cso").map((r) => ({
    label: monthLabel(r.key, locale),
    values: { cso: r.pilot, baseline: r.baseline },
  }));
  return (
    <>
      <h1>
        <Tr k="cso.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      <p className="notice">
        {asOf ? t("asOf", { date: dayFmt(c.timeZone, locale).format(asOf.cutoff) }) : t("notYet")}
        {t("delay", {
          days: rules.delayHours.csoActivities / 24,
          max: rules.minCount - 1,
          suppressed: formatCount(null, locale),
        })}
      </p>

      <section aria-labelledby="h-last30">
        <h2 id="h-last30">{t("last30")}</h2>
        <ul className="cards">
          {cards("last30", t("last30Note")).map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
        <h2>{t("sinceLaunch")}</h2>
        <ul className="cards">
          {cards("since_launch", t("sinceNote", { date: formatDate(c.pilot.start, locale) })).map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="h-weekly">
        <h2 id="h-weekly">{t("perWeek")}</h2>
        <ChartFigure
          kind="bar"
          stacked
          title={t("perWeekTitle")}
          description={t("perWeekDescription")}
          rowHeader={t("weekStarting")}
          rows={week.rows}
          series={week.series}
          tableCollapsed
          yLabel={t("calls")}
        />
      </section>

      <section aria-labelledby="h-types">
        <h2 id="h-types">{t("about")}</h2>
        <ChartFigure
          kind="bar"
          title={t("byType")}
          description={t("sinceLaunchDot")}
          rowHeader={t("typeOfCall")}
          rows={seriesRows(categories, "", { skipZero: true, splitLabel: false, labelLang: () => en }).rows}
          series={[{ key: "n", label: t("calls") }]}
          tableCollapsed
          yLabel={t("calls")}
        />
        <ChartFigure
          kind="bar"
          title={t("howIn")}
          description={t("howInDescription")}
          rowHeader={t("sourceHeader")}
          rows={
            seriesRows(relabel(sources, "source"), "", { splitLabel: false, labelLang: untranslated("source") }).rows
          }
          series={[{ key: "n", label: t("calls") }]}
          yLabel={t("calls")}
        />
      </section>

      <section aria-labelledby="h-response">
        <h2 id="h-response">{t("howFast")}</h2>
        <ChartFigure
          kind="line"
          valueFormat="number"
          title={t("arriveTitle")}
          description={t("arriveDescription")}
          rowHeader={t("month")}
          rows={trend}
          series={[
            { key: "cso", label: t("csoPilot") },
            { key: "baseline", label: t("patrolYearEarlier") },
          ]}
          yLabel={t("minutes")}
        />
        <div className="table-wrap">
          <table>
            <caption>{t("arriveCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("typeOfCall")}</th>
                <th scope="col" className="num">
                  {t("cso")}
                </th>
                <th scope="col" className="num">
                  {t("patrolBeforePilot")}
                </th>
                <th scope="col" className="num">
                  {t("csoCalls")}
                </th>
              </tr>
            </thead>
            <tbody>
              {pairRows(byCategory, "cso").map((r) => (
                <tr key={r.key}>
                  <th scope="row" lang={en}>
                    {r.label}
                  </th>
                  <td className="num">{minutes(r.pilot)}</td>
                  <td className="num">{minutes(r.baseline, t("noBaseline"))}</td>
                  <td className="num">{formatCount(r.n, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CountTable
          caption={t("bySourceCaption")}
          header={t("sourceHeader")}
          valueHeader={t("medianMinutes")}
          rows={pairRows(bySource, "cso").map((r) => ({
            key: r.key,
            ...dataLabel(t.has(`source.${r.key}`) ? t(`source.${r.key}`) : null, r.label, locale),
            text: minutes(r.pilot),
          }))}
        />
      </section>

      <section aria-labelledby="h-outcomes">
        <h2 id="h-outcomes">{t("outcomes")}</h2>
        <ChartFigure
          kind="bar"
          title={t("howEnded")}
          description={t("sinceLaunchDot")}
          rowHeader={t("outcomeHeader")}
          rows={
            seriesRows(relabel(outcomes, "outcome"), "", { splitLabel: false, labelLang: untranslated("outcome") }).rows
          }
          series={[{ key: "n", label: t("calls") }]}
          yLabel={t("calls")}
        />
        <ChartFigure
          kind="bar"
          title={t("referralsTitle")}
          description={t("referralsDescription")}
          rowHeader={t("service")}
          rows={
            seriesRows(relabel(referrals, "referral"), "", { splitLabel: false, labelLang: untranslated("referral") })
              .rows
          }
          series={[{ key: "n", label: t("referrals") }]}
          yLabel={t("referrals")}
        />
        <CountTable
          caption={t("backupCaption")}
          header={t("what")}
          valueHeader={t("calls")}
          rows={[
            {
              key: "sworn",
              label: t("deputyAsked"),
              text: metricText(m("since_launch.sworn_backup"), "count"),
            },
            { key: "reports", label: t("reports"), text: metricText(m("since_launch.reports"), "count") },
            {
              key: "prints",
              label: t("prints"),
              text: metricText(m("since_launch.fingerprints"), "count"),
            },
            { key: "dna", label: t("dna"), text: metricText(m("since_launch.dna"), "count") },
          ]}
        />
      </section>

      <section aria-labelledby="h-where">
        <h2 id="h-where">{t("whereWhen")}</h2>
        <ChartFigure
          kind="bar"
          title={t("byArea")}
          description={t("byAreaDescription")}
          rowHeader={t("neighborhood")}
          rows={seriesRows(areas, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: t("calls") }]}
          yLabel={t("calls")}
        />
        <CityMap
          id="cso-activity"
          title={t("mapTitle")}
          areas={areasFromFeatures(c.areas)}
          streets={c.streets}
          cellLabel={t("cellLabel")}
          cells={[...cells].sort((a, b2) => a.res - b2.res).map((x) => ({ cell: x.cell, count: x.count }))}
        />
        <ChartFigure
          kind="bar"
          title={t("byHour")}
          description={t("byHourDescription")}
          rowHeader={t("hour")}
          rows={seriesRows(hours, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: t("calls") }]}
          tableCollapsed
          yLabel={t("calls")}
        />
        <p className="muted">{t("allCalls", { n: formatCount(countOf(totalOf(categories)), locale) })}</p>
      </section>
      <section aria-labelledby="h-cso-data">
        <h2 id="h-cso-data">{t("openData")}</h2>
        <DownloadLinks dataset="cso-calls" label={t("download")} />
      </section>
    </>
  );
}
