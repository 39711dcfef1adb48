// The public flight log: server-side sort, filters and pagination, all in the URL.
import Link from "next/link";
import { DownloadLinks } from "@/components/opendata/download-links";
import { connection } from "next/server";
import {
  DataTable,
  FilterForm,
  flattenParams,
  parseTableState,
  type Column,
  type SearchParams,
} from "@/components/tables";
import { FLIGHT_SORTS, getFlightFilterOptions, listFlights, type FlightListRow } from "@/db/queries/public/drones";
import { getDatasetAsOf } from "@/db/queries/public/publication";
import { protectedCategoryError } from "@/db/queries/public/protected-categories";
import { rules } from "@/lib/publish/rules";
import { city } from "@/lib/config/city";
import { formatDay, formatPublishedTime, OUTCOME_LABEL } from "../_lib/format";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormatLocale } from "@/lib/format/numbers";
import { parseFlightFilters } from "../_lib/filters";
import { callFacts } from "@/lib/drones/call-facts";
import { dronesTitle } from "../_lib/title";
import { localizedFilterErrors } from "@/i18n/filter-errors-es";

export const generateMetadata = dronesTitle("log.title");

export default async function FlightLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: FLIGHT_SORTS, defaultSort: "started", pageSize: 25 });
  const { filters, errors: parsed } = parseFlightFilters(params);
  const [d, locale] = await Promise.all([getTranslations("Drones"), getLocale() as Promise<FormatLocale>]);
  const errors = localizedFilterErrors(parsed, locale);
  const t = (k: string, v?: Record<string, string | number>) => d(`log.${k}`, v);
  const outcome = (o: string | null) =>
    o === null ? d("outcomeSensitive") : d.has(`outcome.${o}`) ? d(`outcome.${o}`) : o;
  const en = locale === "en" ? undefined : "en";
  // A specific sensitive category is not filterable (the log holds them as one protected type):
  // reported beside the field and ignored, like any other value the log cannot answer.
  if (await protectedCategoryError(filters.category)) {
    errors.category = t("protected", { label: rules.protectedCategory.label });
    delete filters.category;
  }
  const tz = city().timeZone;
  const [opts, list, asOf] = await Promise.all([
    getFlightFilterOptions(),
    listFlights({ filters, sort: state.sort, dir: state.dir, page: state.page, pageSize: state.pageSize }),
    getDatasetAsOf({ dataset: "drones" }),
  ]);
  const columns: Column<FlightListRow>[] = [
    {
      id: "started",
      header: t("launched"),
      sortable: true,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/drones/flights/${r.publicId}`}>
          {formatPublishedTime(r.startedAt, r.timePrecision, tz, locale)}
        </Link>
      ),
    },
    {
      id: "category",
      header: d("callType"),
      sortable: true,
      cell: (r) => (r.linkedToCall ? <span lang={en}>{callFacts(r).callType}</span> : t("noCall")),
    },
    { id: "area", header: t("area"), sortable: true, cell: (r) => r.areaName ?? t("notPublished") },
    { id: "dock", header: t("dock"), cell: (r) => r.dockName ?? t("unknown") },
    { id: "duration", header: t("inAir"), sortable: true, numeric: true, cell: (r) => r.durationMin },
    {
      id: "tts",
      header: t("toScene"),
      sortable: true,
      numeric: true,
      cell: (r) => callFacts(r).minutesFromDispatch,
    },
    { id: "outcome", header: d("outcomeHeader"), sortable: true, cell: (r) => outcome(r.outcome) },
    { id: "linked", header: t("linked"), cell: (r) => (r.linkedToCall ? t("yes") : t("no")) },
    { id: "path", header: t("path"), cell: (r) => (r.hasPath ? t("yes") : t("no")) },
    {
      id: "concern",
      header: t("concern"),
      cell: (r) => (
        <Link href={`/feedback/new?target=flight:${r.publicId}`}>
          {t("report")}
          <span className="visually-hidden">{t("reportAbout", { id: r.publicId })}</span>
        </Link>
      ),
    },
  ];
  return (
    <>
      <p>
        <Link href="/drones">{t("back")}</Link>
      </p>
      <h1>{t("h1")}</h1>
      <p className="lede">
        {t("lede")}
        {asOf ? t("asOf", { date: formatDay(asOf.cutoff, tz, locale) }) : ""}
      </p>
      <FilterForm
        path="/drones/flights"
        params={params}
        errors={errors}
        legend={t("filter")}
        fields={[
          { name: "from", label: t("from"), type: "date" },
          { name: "to", label: t("to"), type: "date" },
          { name: "category", label: d("callType"), type: "select", options: opts.categories },
          { name: "area", label: t("area"), type: "select", options: opts.areas },
          {
            name: "outcome",
            label: d("outcomeHeader"),
            type: "select",
            options: Object.keys(OUTCOME_LABEL).map((value) => ({ value, label: outcome(value) })),
          },
          {
            name: "linked",
            label: t("linked"),
            type: "select",
            options: [
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ],
          },
        ]}
      />
      <DataTable
        caption={t("caption")}
        path="/drones/flights"
        params={params}
        columns={columns}
        rows={list.rows}
        rowKey={(r) => r.publicId}
        state={state}
        total={list.total}
        noun={t("noun")}
        nounOne={t("nounOne")}
        downloads={<DownloadLinks dataset="drone-flights" searchParams={params} label={t("download")} />}
      />
    </>
  );
}
