// Community Safety Officers: what the unarmed responders did, how fast, with what outcome, and
// how that compares with patrol before the pilot. Every number comes from the published tables.
import { DownloadLinks } from "@/components/opendata/download-links";
import { connection } from "next/server";
import { ChartFigure } from "@/components/charts";
import { CityMap } from "@/components/maps/city-map";
import { areasFromFeatures } from "@/components/maps/types";
import { MetricCard } from "@/components/ui";
import { formatCount } from "@/lib/format/numbers";
import { getBreakdown, getCells, getMetrics } from "@/db/queries/public/rollups";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { city } from "@/lib/config/city";
import { rules } from "@/lib/publish/rules";
import {
  countOf,
  figureText,
  minutesText,
  monthLabel,
  pairRows,
  seriesRows,
  tooFew,
  totalOf,
  weekColumnsChart,
  type Figure,
} from "@/lib/rollups";
import { CountTable } from "@/components/tables/count-table";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("cso.title");

const dayFmt = (tz: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "short", day: "numeric" });

const metricText = (f: Figure, kind: "count" | "share" | "minutes") => figureText(f, kind, "en", "calls");

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
  const m = (k: string) => metrics.get(k);
  const baseResp = m("baseline.median_response_min")?.value ?? null;
  const baseClear = m("baseline.median_clear_min")?.value ?? null;
  const cards = (p: "last30" | "since_launch", note: string) => [
    { label: "Calls handled", value: metricText(m(`${p}.calls`), "count"), note },
    {
      label: "Median time to arrive",
      value: metricText(m(`${p}.median_response_min`), "minutes"),
      note:
        baseResp !== null
          ? `patrol before the pilot: ${minutesText(baseResp, tooFew("calls"))}`
          : "from call received to officer on scene",
    },
    {
      label: "Handled with no sworn backup",
      value: metricText(m(`${p}.share_no_sworn`), "share"),
      note: "share of calls where no deputy was asked to help",
    },
    {
      label: "Median time to clear",
      value: metricText(m(`${p}.median_clear_min`), "minutes"),
      note:
        baseClear !== null
          ? `patrol before the pilot: ${minutesText(baseClear, tooFew("calls"))}`
          : "from call received to call closed",
    },
    { label: "Calls with a referral to services", value: metricText(m(`${p}.calls_with_referral`), "count"), note },
    { label: "Reports written", value: metricText(m(`${p}.reports`), "count"), note },
  ];
  const week = weekColumnsChart(weekly, { seriesKey: (k) => `s_${k}` });
  const trend = pairRows(byMonth, "cso").map((r) => ({
    label: monthLabel(r.key),
    values: { cso: r.pilot, baseline: r.baseline },
  }));
  return (
    <>
      <h1>
        <Tr k="cso.h1" />
      </h1>
      <p className="lede">
        Community Safety Officers (CSOs) are unarmed, non-sworn city staff. They take non-emergency calls, write
        reports, collect fingerprints and DNA at property crimes, and connect people with housing, mental-health and
        other services.
      </p>
      <p className="notice">
        {asOf ? <>Data as of {dayFmt(c.timeZone).format(asOf.cutoff)}. </> : <>CSO activity is not yet published. </>}
        Calls appear {rules.delayHours.csoActivities / 24} days after they close, without names, call numbers or notes.
        Places are shown only as areas of about 0.7 km²; calls about mental health, medical needs, welfare checks or
        young people show the day only and a larger area. Counts from 1 to {rules.minCount - 1} are shown as
        &ldquo;fewer than {rules.minCount}&rdquo;.
      </p>

      <section aria-labelledby="h-last30">
        <h2 id="h-last30">Last 30 days</h2>
        <ul className="cards">
          {cards("last30", "last 30 days").map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
        <h2>Since launch</h2>
        <ul className="cards">
          {cards("since_launch", `since ${c.pilot.start}`).map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="h-weekly">
        <h2 id="h-weekly">Calls per week</h2>
        <ChartFigure
          kind="bar"
          stacked
          title="CSO calls per week, by how the call came in"
          description="Since launch; weeks start on Monday."
          rowHeader="Week starting"
          rows={week.rows}
          series={week.series}
          tableCollapsed
          yLabel="Calls"
        />
      </section>

      <section aria-labelledby="h-types">
        <h2 id="h-types">What the calls were about</h2>
        <ChartFigure
          kind="bar"
          title="Calls by type"
          description="Since launch."
          rowHeader="Type of call"
          rows={seriesRows(categories, "", { skipZero: true, splitLabel: false }).rows}
          series={[{ key: "n", label: "Calls" }]}
          tableCollapsed
          yLabel="Calls"
        />
        <ChartFigure
          kind="bar"
          title="How calls came in"
          description="Since launch: 911 calls, 311 requests, and calls the officer started on patrol."
          rowHeader="Source"
          rows={seriesRows(sources, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: "Calls" }]}
          yLabel="Calls"
        />
      </section>

      <section aria-labelledby="h-response">
        <h2 id="h-response">How fast, compared with before the pilot</h2>
        <ChartFigure
          kind="line"
          valueFormat="number"
          title="Median minutes from call received to officer on scene, by month"
          description="CSOs during the pilot, and patrol deputies answering the same kinds of calls in the same month a year earlier."
          rowHeader="Month"
          rows={trend}
          series={[
            { key: "cso", label: "CSO (pilot)" },
            { key: "baseline", label: "Patrol, a year earlier" },
          ]}
          yLabel="Minutes"
        />
        <div className="table-wrap">
          <table>
            <caption>Median minutes to arrive by type of call: CSO vs patrol before the pilot</caption>
            <thead>
              <tr>
                <th scope="col">Type of call</th>
                <th scope="col" className="num">
                  CSO
                </th>
                <th scope="col" className="num">
                  Patrol before the pilot
                </th>
                <th scope="col" className="num">
                  CSO calls
                </th>
              </tr>
            </thead>
            <tbody>
              {pairRows(byCategory, "cso").map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{minutesText(r.pilot, "too few calls")}</td>
                  <td className="num">{minutesText(r.baseline, "no baseline")}</td>
                  <td className="num">{formatCount(r.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CountTable
          caption="Median minutes to arrive by how the call came in"
          header="Source"
          valueHeader="Median minutes"
          rows={pairRows(bySource, "cso").map((r) => ({
            key: r.key,
            label: r.label,
            text: minutesText(r.pilot, "too few calls"),
          }))}
        />
      </section>

      <section aria-labelledby="h-outcomes">
        <h2 id="h-outcomes">Outcomes and referrals</h2>
        <ChartFigure
          kind="bar"
          title="How calls ended"
          description="Since launch."
          rowHeader="Outcome"
          rows={seriesRows(outcomes, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: "Calls" }]}
          yLabel="Calls"
        />
        <ChartFigure
          kind="bar"
          title="Referrals by type of service"
          description="Since launch. One call can lead to more than one referral."
          rowHeader="Service"
          rows={seriesRows(referrals, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: "Referrals" }]}
          yLabel="Referrals"
        />
        <CountTable
          caption="Sworn backup, reports and evidence, since launch"
          header="What"
          valueHeader="Calls"
          rows={[
            {
              key: "sworn",
              label: "Calls where a deputy was asked to help",
              text: metricText(m("since_launch.sworn_backup"), "count"),
            },
            { key: "reports", label: "Reports written", text: metricText(m("since_launch.reports"), "count") },
            {
              key: "prints",
              label: "Calls with fingerprints collected",
              text: metricText(m("since_launch.fingerprints"), "count"),
            },
            { key: "dna", label: "Calls with DNA collected", text: metricText(m("since_launch.dna"), "count") },
          ]}
        />
      </section>

      <section aria-labelledby="h-where">
        <h2 id="h-where">Where and when</h2>
        <ChartFigure
          kind="bar"
          title="Calls by neighborhood"
          description="Since launch; sensitive calls are not placed in a neighborhood."
          rowHeader="Neighborhood"
          rows={seriesRows(areas, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: "Calls" }]}
          yLabel="Calls"
        />
        <CityMap
          id="cso-activity"
          title="CSO calls by cell, since launch"
          areas={areasFromFeatures(c.areas)}
          streets={c.streets}
          cellLabel="calls"
          cells={[...cells].sort((a, b2) => a.res - b2.res).map((x) => ({ cell: x.cell, count: x.count }))}
        />
        <ChartFigure
          kind="bar"
          title="Calls by hour of day"
          description="Since launch, local time the call was received; sensitive calls are not included (day only)."
          rowHeader="Hour"
          rows={seriesRows(hours, "", { splitLabel: false }).rows}
          series={[{ key: "n", label: "Calls" }]}
          tableCollapsed
          yLabel="Calls"
        />
        <p className="muted">All calls since launch: {formatCount(countOf(totalOf(categories)))}.</p>
      </section>
      <section aria-labelledby="h-cso-data">
        <h2 id="h-cso-data">Every call, as open data</h2>
        <DownloadLinks dataset="cso-calls" label="Community Safety Officer calls" />
      </section>
    </>
  );
}
