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
import { ALPR_SORTS, alprFilterOptions, listAlpr } from "@/db/queries/review/alpr";
import { requireRolePage } from "@/server/auth/dal";
import { alprFiltersFrom } from "../_lib/alpr-filters";
import { fmtDateTime } from "../_lib/format";
import { auditView } from "../_lib/view-audit";
import { FlagChips } from "../_components/flag-list";
import { ExportForm } from "../_components/export-form";

export const metadata: Metadata = { title: "Plate-reader searches — Daylight review" };

type Row = Awaited<ReturnType<typeof listAlpr>>["rows"][number];
const columns: Column<Row>[] = [
  {
    id: "searched",
    header: "When",
    sortable: true,
    rowHeader: true,
    cell: (r) => <Link href={`/review/alpr/${r.id}`}>{fmtDateTime(r.searchedAt)}</Link>,
  },
  { id: "user", header: "User", sortable: true, cell: (r) => r.userName },
  { id: "agency", header: "Agency", sortable: true, cell: (r) => r.agencyName },
  { id: "reason", header: "Reason", sortable: true, cell: (r) => r.reason },
  { id: "offense", header: "Offense type", cell: (r) => r.offenseType ?? "—" },
  { id: "case", header: "Case number", cell: (r) => r.caseNumber || <em>none</em> },
  { id: "networks", header: "Networks searched", numeric: true, cell: (r) => r.networkCount },
  { id: "flags", header: "Flags", cell: (r) => <FlagChips rules={r.flags.map((f) => f.rule)} /> },
  { id: "status", header: "State", cell: (r) => STATUS_LABELS[r.status ?? "none"] },
];

export default async function AlprPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: ALPR_SORTS, defaultSort: "searched" });
  const { filters, errors } = alprFiltersFrom(params);
  const db = await getDb();
  const [{ rows, total }, opts] = await Promise.all([listAlpr(db, { filters, ...state }), alprFilterOptions(db)]);
  await auditView(user, { targetType: "alpr_search", details: { list: true, filters: params } });
  return (
    <>
      <h1>Plate-reader searches</h1>
      <p className="lede">
        Every search of plate-reader data: who searched, for which agency, why, the offense type and the case number.
      </p>
      <FilterForm
        path="/review/alpr"
        params={params}
        errors={errors}
        fields={[
          { name: "q", label: "Search", type: "text", placeholder: "name, reason, offense, case" },
          {
            name: "agency",
            label: "Agency",
            type: "select",
            options: opts.agencies.map((a) => ({ value: String(a.id), label: a.name })),
          },
          {
            name: "case",
            label: "Case number",
            type: "select",
            options: [
              { value: "with", label: "Given" },
              { value: "without", label: "Missing" },
            ],
          },
          { name: "flagged", label: "Flagged", type: "select", options: [{ value: "1", label: "Flagged only" }] },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
      />
      <DataTable
        caption="Plate-reader searches"
        path="/review/alpr"
        params={params}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.id)}
        state={state}
        total={total}
        noun="searches"
        downloads={<ExportForm dataset="alpr_search" params={params} />}
      />
    </>
  );
}
