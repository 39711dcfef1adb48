// Drones: headline metrics, charts (each with its table), the activity map, and links to the
// flight log and "Was that a police drone?". Every number comes from the published tables.
import Link from "next/link";
import { connection } from "next/server";
import { ChartFigure, HistogramFigure } from "@/components/charts";
import { CityMap } from "@/components/maps/city-map";
import { areasFromFeatures } from "@/components/maps/types";
import { MetricCard } from "@/components/ui";
import { CountTable } from "@/components/tables/count-table";
import { formatCount } from "@/lib/format/numbers";
import { getBreakdowns, getCells, getMetrics } from "@/db/queries/public/rollups";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { city } from "@/lib/config/city";
import { rules } from "@/lib/publish/rules";
import { cellsOf, countOf, figureText, minutesText, tooFew, totalOf, weekColumnsChart } from "@/lib/rollups";
import { formatDay } from "./_lib/format";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("drones.title");
const DRONE_PAGE_BREAKDOWNS = ["week_group", "tts_month", "tts_category", "hour", "duration", "outcome"] as const;

export default async function DronesPage() {
  await connection();
  const c = city();
  const [asOf, metrics, b, cells] = await Promise.all([
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
  ]);
  const get = (k: string) => b.get(k) ?? [];
  const [weekly, tts, ttsCat, hours, durations, outcomes, topTypes] = [
    ...DRONE_PAGE_BREAKDOWNS.map((x) => get(`${x}.since_launch`)),
    get("category.last30"),
  ];
  const m = (k: string) => metrics.get(k);
  const baseline = m("baseline.median_time_to_scene_min")?.value ?? null;
  const week = weekColumnsChart(weekly, { sortSeries: true });
  const ttsRows = tts
    .filter((r) => r.key2 === "drone")
    .map((r) => ({ label: r.label, values: { drone: r.value, baseline } }));
  const catRows = [...new Set(ttsCat.map((r) => r.key))]
    .map((k) => {
      const d = ttsCat.find((r) => r.key === k && r.key2 === "drone");
      const b = ttsCat.find((r) => r.key === k && r.key2 === "baseline");
      return { key: k, label: d?.label ?? b?.label ?? k, drone: d, baseline: b };
    })
    .filter((r) => r.drone);
  const period = (p: "last30" | "since_launch", note: string) => [
    {
      label: "Flights",
      value: figureText(m(`${p}.flights`) ?? undefined, "count"),
      note,
      href: "/drones/flights",
      linkText: "Flight log",
    },
    {
      label: "Median time to scene",
      value: figureText(m(`${p}.median_time_to_scene_min`) ?? undefined, "minutes"),
      note: baseline !== null ? `patrol before the pilot: ${minutesText(baseline, tooFew("flights"))}` : note,
    },
    {
      label: "Drone first on scene",
      value: figureText(m(`${p}.share_first_on_scene`) ?? undefined, "share"),
      note: "share of flights that reached the scene",
    },
    {
      label: "Cleared without a patrol unit",
      value: figureText(m(`${p}.share_cleared_no_patrol`) ?? undefined, "share"),
      note: "share of flights",
    },
    {
      label: "Linked to a call for service",
      value: figureText(m(`${p}.share_linked_to_call`) ?? undefined, "share"),
      note: "flights without a call are reviewed by council staff",
    },
  ];
  return (
    <>
      <h1>
        <Tr k="drones.h1" />
      </h1>
      <p className="lede">
        Drones launch from {c.docks.length} docks to calls for service. Every flight is listed in the{" "}
        <Link href="/drones/flights">flight log</Link> with its hour, call type, area and a shortened path that stops{" "}
        {rules.pathTrimMeters} m before the scene. Think you saw one?{" "}
        <Link href="/drones/nearby">Was that a police drone?</Link>
      </p>
      <p className="notice">
        {asOf ? <>Data as of {formatDay(asOf.cutoff, c.timeZone)}. </> : <>Drone flights are not yet published. </>}
        Flights appear {rules.delayHours.droneFlights} hours after they land; flights for sensitive calls (such as
        domestic violence or medical calls) after {rules.delayHours.droneFlightsSensitive / 24} days, with the day only
        and no path.
      </p>

      <section aria-labelledby="h-headline">
        <h2 id="h-headline">Last 30 days</h2>
        <ul className="cards">
          {period("last30", "last 30 days").map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
        <h2>Since launch</h2>
        <ul className="cards">
          {period("since_launch", `since ${c.pilot.start}`).map((x) => (
            <MetricCard key={x.label} {...x} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="h-types">
        <h2 id="h-types">Top call types, last 30 days</h2>
        <CountTable
          caption="Flights by call type, last 30 days"
          header="Call type"
          valueHeader="Flights"
          rows={cellsOf(topTypes)
            .slice(0, 10)
            .map((r) => ({ key: r.key, label: r.label, text: formatCount(r.suppressed ? null : r.count) }))}
          total={{ label: "All call types", text: formatCount(countOf(totalOf(topTypes))) }}
        />
      </section>

      <section aria-labelledby="h-weekly">
        <h2 id="h-weekly">Flights per week</h2>
        <ChartFigure
          kind="bar"
          stacked
          title="Flights per week by type of call"
          description="Since launch, weeks start on Monday."
          rowHeader="Week starting"
          rows={week.rows}
          series={week.series}
          tableCollapsed
          yLabel="Flights"
        />
      </section>

      <section aria-labelledby="response">
        <h2 id="response">Time to scene</h2>
        <ChartFigure
          kind="line"
          valueFormat="number"
          title="Median minutes from dispatch to drone on scene, by month"
          description={
            baseline !== null
              ? `The flat line is the patrol median before the pilot (${minutesText(baseline, tooFew("flights"))}).`
              : "No pre-pilot baseline is published."
          }
          rowHeader="Month"
          rows={ttsRows}
          series={[
            { key: "drone", label: "Drone" },
            { key: "baseline", label: "Patrol before the pilot" },
          ]}
          yLabel="Minutes"
        />
        <div className="table-wrap">
          <table>
            <caption>Median time to scene by call type: drone vs patrol before the pilot</caption>
            <thead>
              <tr>
                <th scope="col">Call type</th>
                <th scope="col" className="num">
                  Drone
                </th>
                <th scope="col" className="num">
                  Patrol before the pilot
                </th>
                <th scope="col" className="num">
                  Drone flights
                </th>
              </tr>
            </thead>
            <tbody>
              {catRows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{minutesText(r.drone?.value, "too few flights")}</td>
                  <td className="num">{minutesText(r.baseline?.value, "no baseline")}</td>
                  <td className="num">{formatCount(r.drone?.suppressed ? null : (r.drone?.count ?? 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="h-hours">
        <h2 id="h-hours">When and how long</h2>
        <ChartFigure
          kind="bar"
          title="Flights by hour of day"
          description="Since launch, local time; flights for sensitive calls are not included (day only)."
          rowHeader="Hour"
          rows={cellsOf(hours).map((r) => ({ label: r.label, values: { n: r.suppressed ? null : r.count } }))}
          series={[{ key: "n", label: "Flights" }]}
          tableCollapsed
        />
        <HistogramFigure
          title="How long flights last"
          description="Since launch, from launch to landing."
          rowHeader="Duration"
          countLabel="Flights"
          bins={cellsOf(durations).map((r) => ({ label: r.label, count: r.suppressed ? null : r.count }))}
        />
      </section>

      <section aria-labelledby="outcomes">
        <h2 id="outcomes">Outcomes</h2>
        <div className="table-wrap">
          <table>
            <caption>Flights by outcome, since launch</caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Flights
                </th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.key === "*" ? "All flights" : r.label}</th>
                  <td className="num">{formatCount(r.suppressed ? null : r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="h-map">
        <h2 id="h-map">Where drones were sent</h2>
        <p>
          Scenes are shown as hexagonal cells of about 0.7 km²; cells with fewer than {rules.minCount} flights are
          merged into larger cells, and sensitive calls are only placed in the larger cells. Triangles are the docks.
        </p>
        <CityMap
          id="drone-activity"
          title="Drone flights by cell, since launch"
          areas={areasFromFeatures(c.areas)}
          streets={c.streets}
          cellLabel="flights"
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
