// Cameras and the watch center: inventory, headline numbers, charts and the public access log.
import { dateTimeFormat } from "@/lib/format/intl";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { areasFromFeatures } from "@/components/maps/types";
import { flattenParams, parseTableState, type SearchParams } from "@/components/tables/table-params";
import { MetricCard } from "@/components/ui/metric-card";
import { formatCount, formatShare } from "@/lib/format/numbers";
import {
  getAccessFilterOptions,
  getAccessLog,
  listCameras,
  listPrivateCameraCounts,
  listSharingAgreements,
} from "@/db/queries/public/cameras";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { getBreakdown, getMetrics } from "@/db/queries/public/rollups";
import { ACCESS_SORTS, accessLogFilters } from "@/lib/cameras/log-filters";
import { SENSITIVE_SITE_CAMERAS } from "@/lib/cameras/vocab";
import { city } from "@/lib/config/city";
import { ACCESS_LOG_PATH, AccessLogSection } from "./access-log-section";
import { CameraCharts } from "./charts-section";
import { InventorySection } from "./inventory-section";
import { NetworksSection } from "./networks-section";
import { SharingTable } from "./sharing-table";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("cameras.title");

/** Query parameters that name a view of the access log. */
const LOG_PARAMS = new Set([...Object.keys(accessLogFilters.shape), "sort", "dir", "page"]);

export default async function CamerasPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = flattenParams(await searchParams);
  // The log's filtered, sorted and paged views live on their own page; links shared before it
  // existed (/cameras?operation=…) still open the view they named.
  if (Object.keys(params).some((k) => LOG_PARAMS.has(k))) redirect(`${ACCESS_LOG_PATH}?${new URLSearchParams(params)}`);
  // Here: the newest accesses, unfiltered; the form and the sort and page links lead to the log page.
  const state = parseTableState({}, { sortable: ACCESS_SORTS, defaultSort: "hour", defaultDir: "desc", pageSize: 25 });
  const filters = {};
  const c = city();
  const b = (breakdown: string, period = "since_launch") => getBreakdown({ dataset: "cameras", breakdown, period });
  const [asOf, cams, priv, metrics, log, options, sharing, weekOp, weekReason, weekCase, topUsers, agencies, atSites] =
    await Promise.all([
      getDatasetAsOf({ dataset: "cameras" }),
      listCameras(),
      listPrivateCameraCounts(),
      getMetrics({ dataset: "cameras" }),
      getAccessLog({ filters, sort: state.sort, dir: state.dir, page: state.page, pageSize: state.pageSize }),
      getAccessFilterOptions(),
      listSharingAgreements({ programs: ["fixed_cameras", "watch_center"] }),
      b("week_operation"),
      b("week_reason"),
      b("week_case"),
      b("top_users", "last30"),
      b("agency", "last30"),
      b(SENSITIVE_SITE_CAMERAS, "current"),
    ]);
  // The preview's rows carry the same "Reviewed: <outcome>" line as the log page's.
  const reviewed = await findingsForPublicIds(log.rows.map((r) => r.publicId));
  const m = (metric: string, period = "last30") => metrics.get(`${period}.${metric}`);
  const active = cams.filter((x) => x.status === "active");
  const privTotal = priv.find((p) => p.areaSlug === "*");
  const areaNoun = c.areaKind === "division" ? "Division" : "Neighborhood";
  const fmtDate = (d: Date) =>
    dateTimeFormat("en-US", { timeZone: c.timeZone, year: "numeric", month: "long", day: "numeric" }).format(d);

  return (
    <>
      <h1>
        <Tr k="cameras.h1" />
      </h1>
      <p className="lede">
        Where the city&apos;s cameras are, who looked at their video, when, and why. Every access to live or recorded
        video is logged; residents see each one a week later, with the user shown as a pseudonym.
      </p>
      <p className="notice">
        {asOf ? (
          <>Data as of {fmtDate(asOf.cutoff)}. Accesses are published 7 days after they end, rounded to the hour. </>
        ) : (
          <>Nothing has been published yet. </>
        )}
        Names, case numbers and free-text notes are never published. Read the rules:{" "}
        <Link href="/policies/cameras-watch-center">camera and watch-center policy</Link> ·{" "}
        <Link href="/data/methodology">how we protect privacy</Link>.
      </p>

      <h2>At a glance</h2>
      <ul className="cards">
        <MetricCard
          label="City and partner cameras in service"
          value={formatCount(active.length)}
          note={`${cams.length} listed in total, shown at their sites`}
          href="#inventory"
          linkText="See the inventory"
        />
        <MetricCard
          label="Private cameras connected"
          value={formatCount(privTotal?.count)}
          note="Shown only as counts per area"
          href="#inventory"
          linkText="See counts by area"
        />
        <MetricCard
          label="Video accesses, last 30 days"
          value={formatCount(m("accesses")?.value)}
          note={`${formatCount(m("accesses", "since_launch")?.value)} since the pilot began`}
          href={ACCESS_LOG_PATH}
          linkText="Open the access log"
        />
        <MetricCard
          label="Linked to a case, last 30 days"
          value={formatShare(m("share_linked_to_case")?.value)}
          note={`No case number: ${formatShare(m("share_without_case")?.value)}`}
          href="#charts"
          linkText="See the weekly trend"
        />
        <MetricCard
          label="People who accessed video, last 30 days"
          value={formatCount(m("users")?.value)}
          note="Counted by pseudonym"
          href="#charts"
          linkText="See the top users"
        />
      </ul>

      <h2 id="inventory">Camera inventory</h2>
      <InventorySection
        cameras={cams}
        privateCounts={priv}
        sensitiveSiteCounts={atSites}
        areas={areasFromFeatures(c.areas)}
      />

      <h2 id="networks">Camera networks and the crime center</h2>
      <p>
        Cameras owned by other city departments and by businesses can be connected to the watch center, each under a
        written agreement. How many are connected, per network and per {areaNoun.toLowerCase()}:
      </p>
      <NetworksSection
        cameras={cams}
        privateCounts={priv}
        areas={c.areas
          .map((f) => ({ slug: f.properties.slug, name: f.properties.name }))
          .sort((a, b) => a.name.localeCompare(b.name))}
        areaNoun={areaNoun}
      />

      <h2 id="charts">How the cameras are used</h2>
      <CameraCharts
        weekOp={weekOp}
        weekReason={weekReason}
        weekCase={weekCase}
        topUsers={topUsers}
        agencies={agencies}
      />

      <h2 id="access-log">Access log</h2>
      <p>
        Every time someone viewed live video, played back, exported or shared a recording; the newest are below. Filter
        it, sort it, and share the link on the <Link href={ACCESS_LOG_PATH}>access log page</Link>: the address holds
        the view.
      </p>
      <AccessLogSection
        rows={log.rows}
        total={log.total}
        state={state}
        params={{}}
        errors={{}}
        options={options}
        timeZone={c.timeZone}
        reviewed={reviewed}
      />

      <h2 id="sharing">Who we share camera video with</h2>
      <SharingTable rows={sharing} caption="Data-sharing agreements for cameras and the watch center" />
    </>
  );
}
