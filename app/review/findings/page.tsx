import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ActionForm } from "@/components/forms/action-form";
import { FilterForm, flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { listFindings } from "@/db/queries/review/findings";
import { OUTCOME_LABELS, OUTCOMES } from "@/db/queries/review/workflow";
import { RULE_NAMES, RULE_TITLES } from "@/lib/anomalies/types";
import { requireRolePage } from "@/lib/auth/dal";
import { closeFindingAction } from "../actions";
import { enumParam, fmtDateTime } from "../_lib/format";
import { auditView } from "../_lib/view-audit";
import { ruleTitle } from "../_components/flag-list";

export const metadata: Metadata = { title: "Findings — Daylight review" };
const PATHS = { camera_access: "/review/access", alpr_search: "/review/alpr", drone_flight: "/review/flights" } as const;
const LABELS = { camera_access: "Camera access", alpr_search: "Plate search", drone_flight: "Drone flight" } as const;
const PAGE_SIZE = 25;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const params = flattenParams(await searchParams);
  const filters = { status: enumParam(params.status, ["open", "closed"] as const), findingType: enumParam(params.type, [...RULE_NAMES, "other"] as const) };
  const page = Math.max(1, Number(params.page) || 1);
  const { rows, total } = await listFindings(await getDb(), { filters, page, pageSize: PAGE_SIZE });
  await auditView(user, { targetType: "finding", details: { list: true, filters: params } });
  return (
    <>
      <h1>Findings</h1>
      <p className="lede">Problems reviewers found on specific records. Auditors close each one with an outcome. The public site shows only the counts of open and closed findings by type.</p>
      <FilterForm path="/review/findings" params={params} fields={[
        { name: "status", label: "Status", type: "select", options: [{ value: "open", label: "Open" }, { value: "closed", label: "Closed" }] },
        { name: "type", label: "Type", type: "select", options: [...RULE_NAMES.map((r) => ({ value: r, label: RULE_TITLES[r] })), { value: "other", label: "Other" }] },
      ]} />
      <p>{total.toLocaleString("en-US")} findings match.</p>
      {rows.length === 0 ? <p>No findings match.</p> : (
        <ol>
          {rows.map(({ f, openedByName, closedByName }) => (
            <li key={f.id}>
              <h2>Finding #{f.id}: {ruleTitle(f.findingType)} — {f.status}</h2>
              <p>
                On <Link href={`${PATHS[f.recordType]}/${f.recordId}`}>{LABELS[f.recordType]} #{f.recordId}</Link>. Opened by {openedByName} on {fmtDateTime(f.openedAt)}: {f.note}
              </p>
              {f.status === "closed" ? (
                <p>Closed by {closedByName} on {fmtDateTime(f.closedAt)}: <strong>{f.outcome ? OUTCOME_LABELS[f.outcome] : "—"}</strong>. {f.outcomeNote}</p>
              ) : user.role === "auditor" ? (
                <ActionForm action={closeFindingAction} label={`Close finding #${f.id}`} submitLabel={`Close finding #${f.id}`} fields={[
                  { name: "findingId", label: "Finding", type: "hidden", defaultValue: String(f.id) },
                  { name: "outcome", label: "Outcome", type: "select", options: OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })), defaultValue: "no_violation", required: true },
                  { name: "note", label: "Outcome note", type: "textarea", rows: 2, required: true },
                ]} />
              ) : <p className="muted">Waiting for an auditor to close it.</p>}
            </li>
          ))}
        </ol>
      )}
      <Pagination path="/review/findings" params={params} page={page} pageCount={Math.ceil(total / PAGE_SIZE)} label="Findings" />
    </>
  );
}
