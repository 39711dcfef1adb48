// The public camera access log on its own page: filter, sort, page and share the view (the URL
// holds it), without reloading the inventory, charts and map of /cameras on every change.
import Link from "next/link";
import { connection } from "next/server";
import { flattenParams, parseTableState, type SearchParams } from "@/components/tables/table-params";
import { getAccessFilterOptions, getAccessLog } from "@/db/queries/public/cameras";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { ACCESS_SORTS, accessLogFilters, parseFilters } from "@/lib/cameras/log-filters";
import { city } from "@/lib/config/city";
import { zonedDayFormat, type FormatLocale } from "@/lib/format/numbers";
import { AccessLogSection } from "../access-log-section";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedFilterErrors } from "@/i18n/filter-errors-es";

export async function generateMetadata() {
  return { title: (await getTranslations("Cameras"))("logPage.title") };
}

export default async function AccessLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: ACCESS_SORTS, defaultSort: "hour", defaultDir: "desc", pageSize: 25 });
  const { filters, errors: parsed } = parseFilters(accessLogFilters, params);
  const c = city();
  const [asOf, log, options] = await Promise.all([
    getDatasetAsOf({ dataset: "cameras" }),
    getAccessLog({ filters, sort: state.sort, dir: state.dir, page: state.page, pageSize: state.pageSize }),
    getAccessFilterOptions(),
  ]);
  const [reviewed, t, locale] = await Promise.all([
    findingsForPublicIds(log.rows.map((r) => r.publicId)),
    getTranslations("Cameras"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const errors = localizedFilterErrors(parsed, locale);
  const day = zonedDayFormat(c.timeZone, locale);
  return (
    <>
      <p>
        <Link href="/cameras">{t("logPage.back")}</Link>
      </p>
      <h1 id="access-log">{t("logPage.h1")}</h1>
      <p className="lede">{t("logPage.lede")}</p>
      <p className="notice">
        {asOf ? t("asOf", { date: day.format(asOf.cutoff) }) : t("notYet")}
        {t.rich("logPage.rules", {
          policy: (chunks) => <Link href="/policies/cameras-watch-center">{chunks}</Link>,
          privacy: (chunks) => <Link href="/data/methodology">{chunks}</Link>,
        })}
      </p>
      <AccessLogSection
        rows={log.rows}
        total={log.total}
        state={state}
        params={params}
        errors={errors}
        options={options}
        timeZone={c.timeZone}
        reviewed={reviewed}
      />
    </>
  );
}
