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
import { ACCESS_SORTS, accessFilterOptions, listAccess, type AccessRow } from "@/db/queries/review/access";
import { requireRolePage } from "@/server/auth/dal";
import { accessFiltersFrom } from "../_lib/access-filters";
import { fmtDateTime, humanize } from "../_lib/format";
import { auditView } from "../_lib/view-audit";
import { FlagChips } from "../_components/flag-list";
import { ExportForm } from "../_components/export-form";

export const metadata: Metadata = { title: "Camera access — Daylight review" };

type Row = AccessRow & { flags: { rule: string }[] };

const columns: Column<Row>[] = [
  {
    id: "started",
    header: "When",
    sortable: true,
    cell: (r) => <Link href={`/review/access/${r.id}`}>{fmtDateTime(r.startedAt)}</Link>,
    rowHeader: true,
  },
  {
    id: "user",
    header: "User",
    sortable: true,
    cell: (r) => <Link href={`/review/access/timeline?user=${r.personnelId}`}>{r.userName}</Link>,
  },
  { id: "agency", header: "Agency", sortable: true, cell: (r) => r.agencyName },
  {
    id: "camera",
    header: "Camera",
    sortable: true,
    cell: (r) => <Link href={`/review/access/timeline?camera=${r.cameraId}`}>{r.cameraName}</Link>,
  },
  {
    id: "operation",
    header: "Operation",
    sortable: true,
    cell: (r) => humanize(r.operation) + (r.sharedWith ? ` (to ${r.sharedWith})` : ""),
  },
  {
    id: "footage",
    header: "Footage window",
    cell: (r) => (r.footageStart ? `${fmtDateTime(r.footageStart)} – ${fmtDateTime(r.footageEnd)}` : "live"),
  },
  { id: "reason", header: "Reason", cell: (r) => humanize(r.reasonCode) + (r.reasonText ? `: ${r.reasonText}` : "") },
  { id: "case", header: "Case number", cell: (r) => r.caseNumber || <em>none</em> },
  { id: "flags", header: "Flags", cell: (r) => <FlagChips rules={r.flags.map((f) => f.rule)} /> },
  { id: "status", header: "State", cell: (r) => STATUS_LABELS[r.status ?? "none"] },
];

export default async function AccessListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const sp = await searchParams;
  const params = flattenParams(sp);
  const state = parseTableState(sp, { sortable: ACCESS_SORTS, defaultSort: "started" });
  const { filters, errors } = accessFiltersFrom(params);
  const db = await getDb();
  const [{ rows, total }, opts] = await Promise.all([listAccess(db, { filters, ...state }), accessFilterOptions(db)]);
  await auditView(user, { targetType: "camera_access", details: { list: true, filters: params } });
  return (
    <>
      <h1>Camera and watch-center access</h1>
      <p className="lede">
        Every recorded look at city camera video: who, from which agency, which camera, what they did, which footage,
        why, and under which case.
      </p>
      <FilterForm
        path="/review/access"
        params={params}
        errors={errors}
        fields={[
          { name: "q", label: "Search", type: "text", placeholder: "name, camera, case, reason" },
          {
            name: "user",
            label: "User",
            type: "select",
            options: opts.people.map((p) => ({ value: String(p.id), label: p.name })),
          },
          {
            name: "agency",
            label: "Agency",
            type: "select",
            options: opts.agencies.map((a) => ({ value: String(a.id), label: a.name })),
          },
          {
            name: "camera",
            label: "Camera",
            type: "select",
            options: opts.cameras.map((c) => ({ value: String(c.id), label: c.name })),
          },
          {
            name: "operation",
            label: "Operation",
            type: "select",
            options: ["live_view", "playback", "export", "share"].map((o) => ({ value: o, label: humanize(o) })),
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
        caption="Camera access records"
        path="/review/access"
        params={params}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.id)}
        state={state}
        total={total}
        noun="accesses"
        downloads={<ExportForm dataset="camera_access" params={params} />}
      />
    </>
  );
}
