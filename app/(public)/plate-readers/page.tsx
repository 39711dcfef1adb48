// Plate readers: what a resident asks of a plate-reader transparency portal — readers, retention,
// detections and hits, searches with reason and offense type, sharing, and the policy.
import { dateTimeFormat } from "@/lib/format/intl";
import Link from "next/link";
import { connection } from "next/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { areasFromFeatures } from "@/components/maps/types";
import { flattenParams, parseTableState, type SearchParams } from "@/components/tables/table-params";
import { formatCount, formatShare } from "@/lib/format/numbers";
import { MetricCard } from "@/components/ui/metric-card";
import { getSearchFilterOptions, getSearchLog } from "@/db/queries/public/alpr";
import { listCameras, listSharingAgreements } from "@/db/queries/public/cameras";
import { getBreakdown, getMetrics } from "@/db/queries/public/rollups";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { seriesRows, tableRows } from "@/lib/rollups";
import { SEARCH_SORTS, parseFilters, searchLogFilters } from "@/lib/cameras/log-filters";
import { city } from "@/lib/config/city";
import { InventorySection } from "../cameras/inventory-section";
import { SharingTable } from "../cameras/sharing-table";
import { SearchLogSection } from "./search-log-section";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("plateReaders.title");

export default async function PlateReadersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: SEARCH_SORTS, defaultSort: "hour", defaultDir: "desc", pageSize: 25 });
  const { filters, errors } = parseFilters(searchLogFilters, params);
  const c = city();
  const b = (breakdown: string, period = "since_launch") => getBreakdown({ dataset: "alpr", breakdown, period });
  const [asOf, readers, metrics, log, options, sharing, weekReason, weekDet, weekHits, offense, agency] =
    await Promise.all([
      getDatasetAsOf({ dataset: "alpr" }),
      listCameras({ plateReaders: true }),
      getMetrics({ dataset: "alpr" }),
      getSearchLog({ filters, sort: state.sort, dir: state.dir, page: state.page, pageSize: state.pageSize }),
      getSearchFilterOptions(),
      listSharingAgreements({ programs: ["plate_readers"] }),
      b("week_reason"),
      b("week_detections"),
      b("week_hits"),
      b("offense", "last30"),
      b("agency", "last30"),
    ]);
  const m = (metric: string, period = "last30") => metrics.get(`${period}.${metric}`);
  const minDays = m("retention_days_min", "current")?.value;
  const maxDays = m("retention_days_max", "current")?.value;
  const retention =
    minDays == null ? "not published" : minDays === maxDays ? `${minDays} days` : `${minDays}–${maxDays} days`;
  const reason = tableRows(weekReason, { dateKeys: true });
  const det = seriesRows(weekDet, "Plates read", { dateKeys: true });
  const hits = seriesRows(weekHits, "Hotlist hits", { dateKeys: true });
  const off = seriesRows(offense, "Searches");
  const ag = seriesRows(agency, "Searches");
  const fmtDate = (d: Date) =>
    dateTimeFormat("en-US", { timeZone: c.timeZone, year: "numeric", month: "long", day: "numeric" }).format(d);

  return (
    <>
      <h1>
        <Tr k="plateReaders.h1" />
      </h1>
      <p className="lede">
        Automated license plate readers photograph passing plates and check them against lists of stolen and wanted
        vehicles. Here is how many there are, how long the data is kept, how often it is searched, by whom and why, and
        who it is shared with.
      </p>
      <p className="notice">
        {asOf ? (
          <>Data as of {fmtDate(asOf.cutoff)}. Searches are published 7 days after they happen, rounded to the hour. </>
        ) : (
          <>Nothing has been published yet. </>
        )}
        Read the rules: <Link href="/policies/plate-readers">plate-reader use policy</Link> ·{" "}
        <Link href="/data/methodology">how we protect privacy</Link>.
      </p>

      <h2>Last 30 days at a glance</h2>
      <ul className="cards">
        <MetricCard
          label="Plate readers in service"
          value={formatCount(m("readers", "current")?.value)}
          note="Fixed readers, listed below at their sites"
          href="#readers"
          linkText="See where they are"
        />
        <MetricCard
          label="Data kept for"
          value={retention}
          note="Then deleted unless tied to a case"
          href="/policies/plate-readers"
          linkText="Read the retention rule"
        />
        <MetricCard
          label="Plates read"
          value={formatCount(m("detections")?.value)}
          note={`Hotlist hits: ${formatCount(m("hotlist_hits")?.value)}`}
          href="#charts"
          linkText="See the weekly counts"
        />
        <MetricCard
          label="Searches of plate data"
          value={formatCount(m("searches")?.value)}
          note={`${formatCount(m("searches", "since_launch")?.value)} since the pilot began`}
          href="#searches"
          linkText="Open the search log"
        />
        <MetricCard
          label="Searches linked to a case"
          value={formatShare(m("share_linked_to_case")?.value)}
          note={`Searched more than one network: ${formatShare(m("share_multi_network")?.value)}`}
          href="#searches"
          linkText="Filter searches with no case"
        />
      </ul>

      <h2 id="readers">Where the readers are</h2>
      <InventorySection cameras={readers} areas={areasFromFeatures(c.areas)} kindLabel="plate reader" />

      <h2 id="charts">Reads, hits and searches</h2>
      <ChartFigure
        kind="bar"
        title="Plates read per week"
        description="All readers combined, since the pilot began."
        rowHeader="Week starting"
        rows={det.rows}
        series={det.series}
        yLabel="Plates read"
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        title="Hotlist hits per week"
        description="Reads that matched a list of stolen or wanted vehicles."
        rowHeader="Week starting"
        rows={hits.rows}
        series={hits.series}
        yLabel="Hits"
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        stacked
        title="Searches per week, by reason"
        description="Reasons are grouped into fixed categories; the words officers typed are never published."
        rowHeader="Week starting"
        rows={reason.rows}
        series={reason.series}
        yLabel="Searches"
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        title="Searches by offense type, last 30 days"
        rowHeader="Offense type"
        rows={off.rows}
        series={off.series}
      />
      <ChartFigure
        kind="bar"
        title="Searches by agency, last 30 days"
        rowHeader="Agency"
        rows={ag.rows}
        series={ag.series}
      />

      <h2 id="searches">Search log</h2>
      <p>
        Every search of the plate data, with the user shown as a pseudonym. Filter, sort and share the link: the address
        holds the view.
      </p>
      <SearchLogSection
        rows={log.rows}
        total={log.total}
        state={state}
        params={params}
        errors={errors}
        options={options}
        timeZone={c.timeZone}
        reviewed={await findingsForPublicIds(log.rows.map((r) => r.publicId))}
      />

      <h2 id="sharing">Who we share plate data with</h2>
      <SharingTable
        rows={sharing}
        caption="Plate-reader data-sharing agreements: agencies we share with and receive from"
      />
    </>
  );
}
