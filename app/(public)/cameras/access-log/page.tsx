// The public camera access log on its own page: filter, sort, page and share the view (the URL
// holds it), without reloading the inventory, charts and map of /cameras on every change.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { flattenParams, parseTableState, type SearchParams } from "@/components/tables/table-params";
import { getAccessFilterOptions, getAccessLog } from "@/db/queries/public/cameras";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { ACCESS_SORTS, accessLogFilters, parseFilters } from "@/lib/cameras/log-filters";
import { city } from "@/lib/config/city";
import { dateTimeFormat } from "@/lib/format/intl";
import { AccessLogSection } from "../access-log-section";

export const metadata: Metadata = { title: "Camera access log · Daylight" };

export default async function AccessLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: ACCESS_SORTS, defaultSort: "hour", defaultDir: "desc", pageSize: 25 });
  const { filters, errors } = parseFilters(accessLogFilters, params);
  const c = city();
  const [asOf, log, options] = await Promise.all([
    getDatasetAsOf({ dataset: "cameras" }),
    getAccessLog({ filters, sort: state.sort, dir: state.dir, page: state.page, pageSize: state.pageSize }),
    getAccessFilterOptions(),
  ]);
  const reviewed = await findingsForPublicIds(log.rows.map((r) => r.publicId));
  const day = dateTimeFormat("en-US", { timeZone: c.timeZone, year: "numeric", month: "long", day: "numeric" });
  return (
    <>
      <p>
        <Link href="/cameras">← Cameras and the watch center</Link>
      </p>
      <h1 id="access-log">Camera access log</h1>
      <p className="lede">
        Every time someone viewed live video, played back, exported or shared a recording from the city&apos;s cameras
        or the watch center. Filter it, sort it, and share the link: the address holds the view.
      </p>
      <p className="notice">
        {asOf ? (
          <>Data as of {day.format(asOf.cutoff)}. Accesses are published 7 days after they end, rounded to the hour. </>
        ) : (
          <>Nothing has been published yet. </>
        )}
        Users are shown as pseudonyms; names, case numbers and free-text notes are never published.{" "}
        <Link href="/policies/cameras-watch-center">Camera and watch-center policy</Link> ·{" "}
        <Link href="/data/methodology">how we protect privacy</Link>.
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
