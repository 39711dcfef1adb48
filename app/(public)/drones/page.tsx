// Drones: headline metrics, charts (each with its table), the activity map, and links to the
// flight log and "Was that a police drone?". Every number comes from the published tables.
import Link from "next/link";
import { connection } from "next/server";
import { ChartFigure, HistogramFigure } from "@/components/charts";
import { CityMap } from "@/components/maps/city-map";
import { areasFromFeatures } from "@/components/maps/types";
import { MetricCard } from "@/components/ui";
import { CountTable } from "@/components/tables/count-table";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCount, formatDate, formatMinutes, type FormatLocale } from "@/lib/format/numbers";
import { getBreakdowns, getCells, getMetrics } from "@/db/queries/public/rollups";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { city } from "@/lib/config/city";
import { rules } from "@/lib/publish/rules";
import { cellsOf, countOf, figureText, monthLabel, pairRows, totalOf, weekColumnsChart } from "@/lib/rollups";
import { formatDay } from "./_lib/format";
import { Tr, pageTitle } from "@/i18n/tr";
import { DataLabelText, dataLabel } from "@/i18n/data-label";

export const generateMetadata = pageTitle("drones.title");
const DRONE_PAGE_BREAKDOWNS = ["week_group", "tts_month", "tts_category", "hour", "duration", "outcome"] as const;

export default async function DronesPage() {
  await connection();
  const c = city();
  const [asOf, metrics, b, cells, t, locale] = await Promise.all([
    getDatasetAsOf({ dataset: "drones" }),
    getMetrics({ dataset: "drones" }),
    getBreakdowns({
      dataset: "drones",
      wanted: [
        ...DRONE_PAGE_BREAKDOWNS.map((breakdown) => ({ breakdown })),
        { breakdown: "category", period: "last30" },
      ],
    }),
    getCells({ dataset: "drones" }),
    getTranslations("Drones"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const minutes = (v: number | null | undefined, notPublished = t("tooFew")) => formatMinutes(v, notPublished, locale);
  const fig = (k: string, kind: "count" | "share" | "minutes") => figureText(m(k) ?? undefined, kind, locale);
  // Labels the publisher wrote in English, by key; one the messages do not translate (and call
  // categories, which they never do) stays as published, marked English on a Spanish page.
  const byKey = (group: string, key: string, label: string) =>
    dataLabel(t.has(`${group}.${key}`) ? t(`${group}.${key}`) : null, label, locale);
  const en = locale === "en" ? undefined : "en";
  const get = (k: string) => b.get(k) ?? [];
  const [weekly, tts, ttsCat, hours, durations, outcomes, topTypes] = [
    ...DRONE_PAGE_BREAKDOWNS.map((x) => get(`${x}.since_launch`)),
    get("category.last30"),
  ];
  const m = (k: string) => metrics.get(k);
  const baseline = m("baseline.median_time_to_scene_min")?.value ?? null;
  const week = weekColumnsChart(weekly, { sortSeries: true });
  week.series = week.series.map((s) => ({ ...s, ...byKey("group", s.key, s.label) }));
  const ttsRows = tts
    .filter((r) => r.key2 === "drone")
    .map((r) => ({
      label: /^\d{4}-\d{2}$/.test(r.key) ? monthLabel(r.key, locale) : r.label,
      values: { drone: r.value, baseline },
    }));
  const period = (p: "last30" | "since_launch", note: string) => [
    {
      label: t("flights"),
      value: fig(`${p}.flights`, "count"),
      note,
      href: "/drones/flights",
      linkText: t("flightLog"),
    },
    {
      label: t("medianTts"),
      value: fig(`${p}.median_time_to_scene_min`, "minutes"),
      note: baseline !== null ? t("patrolBefore", { minutes: minutes(baseline) }) : note,
    },
    {
      label: t("firstOnScene"),
      value: fig(`${p}.share_first_on_scene`, "share"),
      note: t("firstOnSceneNote"),
    },
    {
      label: t("clearedNoPatrol"),
      value: fig(`${p}.share_cleared_no_patrol`, "share"),
      note: t("shareOfFlights"),
    },
    {
      label: t("linked"),
      value: fig(`${p}.share_linked_to_call`, "share"),
      note: t("linkedNote"),
    },
  ];
  return (
    <>
      <h1>
        <Tr k="drones.h1" />
      </h1>
      <p className="lede">
        {t.rich("lede", {
          docks: c.docks.length,
          trim: rules.pathTrimMeters,
          log: (chunks) => <Link href="/drones/flights">{chunks}</Link>,
          lookup: (chunks) => <Link href="/drones/nearby">{chunks}</Link>,
        })}
      </p>
      <p className="notice">
        {asOf ? t("asOf", { date: formatDay(asOf.cutoff, c.timeZone, locale) }) : t("notYet")}
        {t("delay", {
          hours: rules.delayHours.droneFlights,
          days: rules.delayHours.droneFlightsSensitive / 24,
        })}
      </p>

      <section aria-labelledby="h-headline">
        <h2 id="h-headline">{t("last30")}</h2>
        <ul className="cards">
          {period("last30", t("last30Note")).map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
        <h2>{t("sinceLaunch")}</h2>
        <ul className="cards">
          {period("since_launch", t("sinceNote", { date: formatDate(c.pilot.start, locale) })).map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="h-types">
        <h2 id="h-types">{t("topTypes")}</h2>
        <CountTable
          caption={t("topTypesCaption")}
          header={t("callType")}
          valueHeader={t("flights")}
          rows={cellsOf(topTypes)
            .slice(0, 10)
            .map((r) => ({
              key: r.key,
              label: r.label,
              lang: en,
              text: formatCount(r.suppressed ? null : r.count, locale),
            }))}
          total={{ label: t("allCallTypes"), text: formatCount(countOf(totalOf(topTypes)), locale) }}
        />
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
          yLabel={t("flights")}
        />
      </section>

      <section aria-labelledby="response">
        <h2 id="response">{t("tts")}</h2>
        <ChartFigure
          kind="line"
          valueFormat="number"
          title={t("ttsTitle")}
          description={baseline !== null ? t("ttsBaseline", { minutes: minutes(baseline) }) : t("ttsNoBaseline")}
          rowHeader={t("month")}
          rows={ttsRows}
          series={[
            { key: "drone", label: t("drone") },
            { key: "baseline", label: t("patrolBeforePilot") },
          ]}
          yLabel={t("minutes")}
        />
        <div className="table-wrap">
          <table>
            <caption>{t("ttsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("callType")}</th>
                <th scope="col" className="num">
                  {t("drone")}
                </th>
                <th scope="col" className="num">
                  {t("patrolBeforePilot")}
                </th>
                <th scope="col" className="num">
                  {t("droneFlights")}
                </th>
              </tr>
            </thead>
            <tbody>
              {pairRows(ttsCat, "drone").map((r) => (
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
      </section>

      <section aria-labelledby="h-hours">
        <h2 id="h-hours">{t("whenHowLong")}</h2>
        <ChartFigure
          kind="bar"
          title={t("byHour")}
          description={t("byHourDescription")}
          rowHeader={t("hour")}
          rows={cellsOf(hours).map((r) => ({ label: r.label, values: { n: r.suppressed ? null : r.count } }))}
          series={[{ key: "n", label: t("flights") }]}
          tableCollapsed
        />
        <HistogramFigure
          title={t("howLong")}
          description={t("howLongDescription")}
          rowHeader={t("duration")}
          countLabel={t("flights")}
          bins={cellsOf(durations).map((r) => ({
            ...byKey("durationBin", r.key, r.label),
            count: r.suppressed ? null : r.count,
          }))}
        />
      </section>

      <section aria-labelledby="outcomes">
        <h2 id="outcomes">{t("outcomes")}</h2>
        <div className="table-wrap">
          <table>
            <caption>{t("outcomesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outcomeHeader")}</th>
                <th scope="col" className="num">
                  {t("flights")}
                </th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    {r.key === "*" ? t("allFlights") : <DataLabelText {...byKey("outcome", r.key, r.label)} />}
                  </th>
                  <td className="num">{formatCount(r.suppressed ? null : r.count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="h-map">
        <h2 id="h-map">{t("where")}</h2>
        <p>{t("whereText", { min: rules.minCount })}</p>
        <CityMap
          id="drone-activity"
          title={t("mapTitle")}
          areas={areasFromFeatures(c.areas)}
          streets={c.streets}
          cellLabel={t("cellLabel")}
          cells={[...cells].sort((a, b) => a.res - b.res).map((x) => ({ cell: x.cell, count: x.count }))}
          points={c.docks.map((d) => ({
            id: d.slug,
            label: `${d.name} (${d.site})`,
            lat: d.lat,
            lon: d.lon,
            kind: "dock" as const,
          }))}
        />
      </section>
    </>
  );
}
