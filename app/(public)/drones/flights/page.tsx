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
import { formatDay, formatPublishedTime, outcomeText, OUTCOME_LABEL } from "../_lib/format";
import { parseFlightFilters } from "../_lib/filters";
import { callFacts } from "@/lib/drones/call-facts";

export const metadata = { title: "Drone flight log | Daylight" };

export default async function FlightLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: FLIGHT_SORTS, defaultSort: "started", pageSize: 25 });
  const { filters, errors } = parseFlightFilters(params);
  // A specific sensitive category is not filterable (the log holds them as one protected type):
  // reported beside the field and ignored, like any other value the log cannot answer.
  if (await protectedCategoryError(filters.category)) {
    errors.category = `This call type is protected: choose "${rules.protectedCategory.label}"`;
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
      header: "Launched",
      sortable: true,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/drones/flights/${r.publicId}`}>{formatPublishedTime(r.startedAt, r.timePrecision, tz)}</Link>
      ),
    },
    {
      id: "category",
      header: "Call type",
      sortable: true,
      cell: (r) => callFacts(r).callType,
    },
    { id: "area", header: "Area", sortable: true, cell: (r) => r.areaName ?? "not published" },
    { id: "dock", header: "Dock", cell: (r) => r.dockName ?? "unknown" },
    { id: "duration", header: "Minutes in the air", sortable: true, numeric: true, cell: (r) => r.durationMin },
    {
      id: "tts",
      header: "Minutes to scene",
      sortable: true,
      numeric: true,
      cell: (r) => callFacts(r).minutesFromDispatch,
    },
    { id: "outcome", header: "Outcome", sortable: true, cell: (r) => outcomeText(r.outcome) },
    { id: "linked", header: "Linked to a call", cell: (r) => (r.linkedToCall ? "Yes" : "No") },
    { id: "path", header: "Path", cell: (r) => (r.hasPath ? "Yes" : "No") },
    {
      id: "concern",
      header: "Concern",
      cell: (r) => (
        <Link href={`/feedback/new?target=flight:${r.publicId}`}>
          Report a concern<span className="visually-hidden"> about flight {r.publicId}</span>
        </Link>
      ),
    },
  ];
  return (
    <>
      <p>
        <Link href="/drones">← Drones</Link>
      </p>
      <h1>Drone flight log</h1>
      <p className="lede">
        Every published flight: launch hour (the day only for sensitive calls), call type, area, dock, time in the air
        and to the scene, and the outcome. Names, call numbers and exact places are never published.
        {asOf ? ` Data as of ${formatDay(asOf.cutoff, tz)}.` : ""}
      </p>
      <FilterForm
        path="/drones/flights"
        params={params}
        errors={errors}
        legend="Filter flights"
        fields={[
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
          { name: "category", label: "Call type", type: "select", options: opts.categories },
          { name: "area", label: "Area", type: "select", options: opts.areas },
          {
            name: "outcome",
            label: "Outcome",
            type: "select",
            options: Object.entries(OUTCOME_LABEL).map(([value, label]) => ({ value, label })),
          },
          {
            name: "linked",
            label: "Linked to a call",
            type: "select",
            options: [
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ],
          },
        ]}
      />
      <DataTable
        caption="Drone flights"
        path="/drones/flights"
        params={params}
        columns={columns}
        rows={list.rows}
        rowKey={(r) => r.publicId}
        state={state}
        total={list.total}
        noun="flights"
        downloads={<DownloadLinks dataset="drone-flights" searchParams={params} />}
      />
    </>
  );
}
