// Cameras and the watch center: inventory, headline numbers, charts and the public access log.
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { areasFromFeatures } from "@/components/maps/types";
import { flattenParams, parseTableState, type SearchParams } from "@/components/tables/table-params";
import { MetricCard } from "@/components/ui/metric-card";
import { formatCount, formatShare, notPublishedText, zonedDayFormat, type FormatLocale } from "@/lib/format/numbers";
import { getLocale, getTranslations } from "next-intl/server";
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
  const [reviewed, t, locale] = await Promise.all([
    findingsForPublicIds(log.rows.map((r) => r.publicId)),
    getTranslations("Cameras"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const count = (n: number | null | undefined) => formatCount(n, locale);
  const share = (x: number | null | undefined) => formatShare(x, notPublishedText(locale), locale);
  const m = (metric: string, period = "last30") => metrics.get(`${period}.${metric}`);
  const active = cams.filter((x) => x.status === "active");
  const privTotal = priv.find((p) => p.areaSlug === "*");
  const areaKind = c.areaKind === "division" ? "division" : "neighborhood";
  const areaNoun = t(`area.${areaKind}.title`);
  const fmtDate = (d: Date) => zonedDayFormat(c.timeZone, locale).format(d);

  return (
    <>
      <h1>
        <Tr k="cameras.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      <p className="notice">
        {asOf ? t("asOf", { date: fmtDate(asOf.cutoff) }) : t("notYet")}
        {t.rich("rules", {
          policy: (chunks) => <Link href="/policies/cameras-watch-center">{chunks}</Link>,
          privacy: (chunks) => <Link href="/data/methodology">{chunks}</Link>,
        })}
      </p>

      <h2>{t("glance")}</h2>
      <ul className="cards">
        <MetricCard
          label={t("inService")}
          value={count(active.length)}
          note={t("inServiceNote", { n: count(cams.length) })}
          href="#inventory"
          linkText={t("inServiceLink")}
        />
        <MetricCard
          label={t("private")}
          value={count(privTotal?.count)}
          note={t("privateNote")}
          href="#inventory"
          linkText={t("privateLink")}
        />
        <MetricCard
          label={t("accesses")}
          value={count(m("accesses")?.value)}
          note={t("accessesNote", { n: count(m("accesses", "since_launch")?.value) })}
          href={ACCESS_LOG_PATH}
          linkText={t("accessesLink")}
        />
        <MetricCard
          label={t("linked")}
          value={share(m("share_linked_to_case")?.value)}
          note={t("linkedNote", { share: share(m("share_without_case")?.value) })}
          href="#charts"
          linkText={t("linkedLink")}
        />
        <MetricCard
          label={t("users")}
          value={count(m("users")?.value)}
          note={t("usersNote")}
          href="#charts"
          linkText={t("usersLink")}
        />
      </ul>

      <h2 id="inventory">{t("inventory")}</h2>
      <InventorySection
        cameras={cams}
        privateCounts={priv}
        sensitiveSiteCounts={atSites}
        areas={areasFromFeatures(c.areas)}
      />

      <h2 id="networks">{t("networks")}</h2>
      <p>{t("networksText", { area: t(`area.${areaKind}.one`) })}</p>
      <NetworksSection
        cameras={cams}
        privateCounts={priv}
        areas={c.areas
          .map((f) => ({ slug: f.properties.slug, name: f.properties.name }))
          .sort((a, b) => a.name.localeCompare(b.name))}
        areaNoun={areaNoun}
        areaWord={t(`area.${areaKind}.one`)}
      />

      <h2 id="charts">{t("charts")}</h2>
      <CameraCharts
        weekOp={weekOp}
        weekReason={weekReason}
        weekCase={weekCase}
        topUsers={topUsers}
        agencies={agencies}
      />

      <h2 id="access-log">{t("log")}</h2>
      <p>{t.rich("logText", { link: (chunks) => <Link href={ACCESS_LOG_PATH}>{chunks}</Link> })}</p>
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

      <h2 id="sharing">{t("sharing")}</h2>
      <SharingTable rows={sharing} caption={t("sharingCaption")} />
    </>
  );
}
