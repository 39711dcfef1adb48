import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import {
  DataTable,
  FilterForm,
  flattenParams,
  parseTableState,
  type Column,
  type SearchParams,
} from "@/components/tables";
import { getDb } from "@/db/client";
import { STATUS_LABELS } from "@/db/queries/review/common";
import { FLIGHT_SORTS, flightFilterOptions, listFlights } from "@/db/queries/review/flights";
import { requireRolePage } from "@/server/auth/dal";
import { flightFiltersFrom } from "../_lib/flight-filters";
import { fmtDateTime, humanize } from "../_lib/format";
import { auditView } from "../_lib/view-audit";
import { FlagChips } from "../_components/flag-list";
import { ExportForm } from "../_components/export-form";

export const metadata: Metadata = { title: "Drone flights — Daylight review" };

type Row = Awaited<ReturnType<typeof listFlights>>["rows"][number];
const minutes = (r: Row) => Math.round((r.landedAt.getTime() - r.launchedAt.getTime()) / 60000);

const columns: Column<Row>[] = [
  {
    id: "launched",
    header: "Launched",
    sortable: true,
    rowHeader: true,
    cell: (r) => <Link href={`/review/flights/${r.id}`}>{fmtDateTime(r.launchedAt)}</Link>,
  },
  { id: "call", header: "Call", cell: (r) => r.callNumber || <em>no call</em> },
  {
    id: "category",
    header: "Category",
    sortable: true,
    cell: (r) => r.categoryLabel + (r.sensitive ? " (sensitive)" : ""),
  },
  { id: "pilot", header: "Pilot", sortable: true, cell: (r) => r.pilotName ?? "—" },
  { id: "dock", header: "Dock", cell: (r) => r.dockName ?? "—" },
  { id: "duration", header: "Minutes", sortable: true, numeric: true, cell: (r) => minutes(r) },
  {
    id: "distance",
    header: "Km flown",
    sortable: true,
    numeric: true,
    cell: (r) => (r.distanceFlownM ? (r.distanceFlownM / 1000).toFixed(1) : "—"),
  },
  { id: "outcome", header: "Outcome", cell: (r) => humanize(r.outcome) },
  { id: "flags", header: "Flags", cell: (r) => <FlagChips rules={r.flags.map((f) => f.rule)} /> },
  { id: "status", header: "State", cell: (r) => STATUS_LABELS[r.status ?? "none"] },
];

export default async function FlightsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: FLIGHT_SORTS, defaultSort: "launched" });
  const { filters, errors } = flightFiltersFrom(params);
  const db = await getDb();
  const [{ rows, total }, opts] = await Promise.all([listFlights(db, { filters, ...state }), flightFilterOptions(db)]);
  await auditView(user, { targetType: "drone_flight", details: { list: true, filters: params } });
  return (
    <>
      <h1>Drone flights (raw)</h1>
      <p className="lede">
        Every flight with its call number, pilot, exact path and destination. Open a flight to see its path on the map.
      </p>
      <FilterForm
        path="/review/flights"
        params={params}
        errors={errors}
        fields={[
          { name: "q", label: "Search", type: "text", placeholder: "call number, pilot, description" },
          {
            name: "category",
            label: "Category",
            type: "select",
            options: opts.categories.map((c) => ({ value: c.code, label: c.label })),
          },
          {
            name: "dock",
            label: "Dock",
            type: "select",
            options: opts.docks.map((d) => ({ value: String(d.id), label: d.name })),
          },
          {
            name: "pilot",
            label: "Pilot",
            type: "select",
            options: opts.pilots.map((p) => ({ value: String(p.id), label: p.name })),
          },
          { name: "call", label: "Call link", type: "select", options: [{ value: "none", label: "No linked call" }] },
          { name: "flagged", label: "Flagged", type: "select", options: [{ value: "1", label: "Flagged only" }] },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
      />
      <DataTable
        caption="Drone flights"
        path="/review/flights"
        params={params}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.id)}
        state={state}
        total={total}
        noun="flights"
        downloads={<ExportForm dataset="drone_flight" params={params} />}
      />
    </>
  );
}
