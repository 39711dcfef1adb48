import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FilterForm, flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { listFindings } from "@/db/queries/review/findings";
import { OUTCOME_LABELS } from "@/server/review/workflow";
import { RULE_NAMES, RULE_TITLES } from "@/lib/anomalies/types";
import { requireRolePage } from "@/server/auth/dal";
import { CloseFindingForm } from "../_components/close-finding-form";
import { enumParam, fmtDateTime } from "../_lib/format";
import { auditView } from "../_lib/view-audit";
import { ruleTitle } from "../_components/flag-list";
import { countOf } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Findings — Daylight review" };
const PATHS = {
  camera_access: "/review/access",
  alpr_search: "/review/alpr",
  drone_flight: "/review/flights",
} as const;
const LABELS = { camera_access: "Camera access", alpr_search: "Plate search", drone_flight: "Drone flight" } as const;
const PAGE_SIZE = 25;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const params = flattenParams(await searchParams);
  const filters = {
    status: enumParam(params.status, ["open", "closed"] as const),
    findingType: enumParam(params.type, [...RULE_NAMES, "other"] as const),
  };
  const page = Math.max(1, Number(params.page) || 1);
  const { rows, total } = await listFindings(await getDb(), { filters, page, pageSize: PAGE_SIZE });
  await auditView(user, { targetType: "finding", details: { list: true, filters: params } });
  return (
    <>
      <h1>Findings</h1>
      <p className="lede">
        Problems reviewers found on specific records. Auditors close each one with an outcome. The public site shows
        only the counts of open and closed findings by type.
      </p>
      <FilterForm
        path="/review/findings"
        params={params}
        fields={[
          {
            name: "status",
            label: "Status",
            type: "select",
            options: [
              { value: "open", label: "Open" },
              { value: "closed", label: "Closed" },
            ],
          },
          {
            name: "type",
            label: "Type",
            type: "select",
            options: [
              ...RULE_NAMES.map((r) => ({ value: r, label: RULE_TITLES[r] })),
              { value: "other", label: "Other" },
            ],
          },
        ]}
      />
      <p>{countOf(total, "finding matches", "findings match")}.</p>
      {rows.length === 0 ? (
        <p>No findings match.</p>
      ) : (
        <ol>
          {rows.map(({ f, openedByName, closedByName }) => (
            <li key={f.id}>
              <h2>
                Finding #{f.id}: {ruleTitle(f.findingType)} — {f.status}
              </h2>
              <p>
                On{" "}
                <Link href={`${PATHS[f.recordType]}/${f.recordId}`}>
                  {LABELS[f.recordType]} #{f.recordId}
                </Link>
                . Opened by {openedByName} on {fmtDateTime(f.openedAt)}: {f.note}
              </p>
              {f.status === "closed" ? (
                <p>
                  Closed by {closedByName} on {fmtDateTime(f.closedAt)}:{" "}
                  <strong>{f.outcome ? OUTCOME_LABELS[f.outcome] : "—"}</strong>. {f.outcomeNote}
                </p>
              ) : user.role === "auditor" ? (
                <CloseFindingForm findingId={f.id} />
              ) : (
                <p className="muted">Waiting for an auditor to close it.</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination
        path="/review/findings"
        params={params}
        page={page}
        pageCount={Math.ceil(total / PAGE_SIZE)}
        label="Findings"
      />
    </>
  );
}
