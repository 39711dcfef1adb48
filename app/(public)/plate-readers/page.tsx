// Plate readers: what a resident asks of a plate-reader transparency portal — readers, retention,
// detections and hits, searches with reason and offense type, sharing, and the policy.
import Link from "next/link";
import { connection } from "next/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { areasFromFeatures } from "@/components/maps/types";
import { flattenParams, parseTableState, type SearchParams } from "@/components/tables/table-params";
import { formatCount, formatShare, notPublishedText, zonedDayFormat, type FormatLocale } from "@/lib/format/numbers";
import { getLocale, getTranslations } from "next-intl/server";
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
import { localizedFilterErrors } from "@/i18n/filter-errors-es";

export const generateMetadata = pageTitle("plateReaders.title");

export default async function PlateReadersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: SEARCH_SORTS, defaultSort: "hour", defaultDir: "desc", pageSize: 25 });
  const { filters, errors: parsed } = parseFilters(searchLogFilters, params);
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
  const [t, v, ch, locale] = await Promise.all([
    getTranslations("Plates"),
    getTranslations("Vocab"),
    getTranslations("Charts"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const errors = localizedFilterErrors(parsed, locale);
  // Offense types, and the two purposes that are not call categories, by key; call categories stay
  // as published.
  const vocab = (group: string, key: string, label: string) =>
    locale !== "en" && v.has(`${group}${key}`) ? v(`${group}${key}`) : label;
  // What stays as published is English: marked so on a Spanish page.
  const en = locale === "en" ? undefined : "en";
  const count = (n: number | null | undefined) => formatCount(n, locale);
  const share = (x: number | null | undefined) => formatShare(x, notPublishedText(locale), locale);
  const m = (metric: string, period = "last30") => metrics.get(`${period}.${metric}`);
  const minDays = m("retention_days_min", "current")?.value;
  const maxDays = m("retention_days_max", "current")?.value;
  const retention =
    minDays == null
      ? t("notPublished")
      : minDays === maxDays
        ? t("days", { n: minDays })
        : t("daysRange", { min: minDays, max: maxDays ?? minDays });
  const reason = tableRows(weekReason, { dateKeys: true, locale });
  reason.series = reason.series.map((s) =>
    s.key === "not_broken_down"
      ? { ...s, label: locale === "en" ? s.label : ch("notBrokenDown", { suppressed: count(null) }) }
      : s.key === "unclassified" || s.key === "protected"
        ? { ...s, label: vocab("", s.key, s.label) }
        : { ...s, lang: en },
  );
  const det = seriesRows(weekDet, t("read"), { dateKeys: true, locale });
  const hits = seriesRows(weekHits, t("hotlistHits"), { dateKeys: true, locale });
  const off = seriesRows(
    offense.map((r) => ({ ...r, label: vocab("offense.", r.key, r.label) })),
    t("searchesWord"),
    { labelLang: (r) => (v.has(`offense.${r.key}`) ? undefined : en) },
  );
  const ag = seriesRows(agency, t("searchesWord"), { labelLang: () => en });
  const fmtDate = (d: Date) => zonedDayFormat(c.timeZone, locale).format(d);

  return (
    <>
      <h1>
        <Tr k="plateReaders.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      <p className="notice">
        {asOf ? t("asOf", { date: fmtDate(asOf.cutoff) }) : t("notYet")}
        {t.rich("rules", {
          policy: (chunks) => <Link href="/policies/plate-readers">{chunks}</Link>,
          privacy: (chunks) => <Link href="/data/methodology">{chunks}</Link>,
        })}
      </p>

      <h2>{t("glance")}</h2>
      <ul className="cards">
        <MetricCard
          label={t("readers")}
          value={count(m("readers", "current")?.value)}
          note={t("readersNote")}
          href="#readers"
          linkText={t("readersLink")}
        />
        <MetricCard
          label={t("kept")}
          value={retention}
          note={t("keptNote")}
          href="/policies/plate-readers"
          linkText={t("keptLink")}
        />
        <MetricCard
          label={t("read")}
          value={count(m("detections")?.value)}
          note={t("hitsNote", { n: count(m("hotlist_hits")?.value) })}
          href="#charts"
          linkText={t("readLink")}
        />
        <MetricCard
          label={t("searches")}
          value={count(m("searches")?.value)}
          note={t("searchesNote", { n: count(m("searches", "since_launch")?.value) })}
          href="#searches"
          linkText={t("searchesLink")}
        />
        <MetricCard
          label={t("linked")}
          value={share(m("share_linked_to_case")?.value)}
          note={t("linkedNote", { share: share(m("share_multi_network")?.value) })}
          href="#searches"
          linkText={t("linkedLink")}
        />
      </ul>

      <h2 id="readers">{t("where")}</h2>
      <InventorySection cameras={readers} areas={areasFromFeatures(c.areas)} kindLabel="plate reader" />

      <h2 id="charts">{t("charts")}</h2>
      <ChartFigure
        kind="bar"
        title={t("readTitle")}
        description={t("readDescription")}
        rowHeader={t("weekStarting")}
        rows={det.rows}
        series={det.series}
        yLabel={t("read")}
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        title={t("hitsTitle")}
        description={t("hitsDescription")}
        rowHeader={t("weekStarting")}
        rows={hits.rows}
        series={hits.series}
        yLabel={t("hits")}
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
        yLabel={t("searchesWord")}
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        title={t("offenseTitle")}
        rowHeader={t("offenseType")}
        rows={off.rows}
        series={off.series}
      />
      <ChartFigure kind="bar" title={t("agencyTitle")} rowHeader={t("agency")} rows={ag.rows} series={ag.series} />

      <h2 id="searches">{t("log")}</h2>
      <p>{t("logText")}</p>
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

      <h2 id="sharing">{t("sharing")}</h2>
      <SharingTable rows={sharing} caption={t("sharingCaption")} />
    </>
  );
}
