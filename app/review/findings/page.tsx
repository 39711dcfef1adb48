import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FilterForm, flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { listFindings } from "@/db/queries/review/findings";
import { FINDING_OUTCOME_LABELS, FINDING_STATUS_LABELS, FINDING_STATUSES } from "@/lib/vocab";
import { RULE_NAMES, RULE_TITLES } from "@/lib/anomalies/types";
import { requireRolePage } from "@/server/auth/dal";
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
    status: enumParam(params.status, FINDING_STATUSES),
    findingType: enumParam(params.type, [...RULE_NAMES, "other"] as const),
  };
  const page = Math.max(1, Number(params.page) || 1);
  const { rows, total } = await listFindings(await getDb(), { filters, page, pageSize: PAGE_SIZE });
  await auditView(user, { targetType: "finding", details: { list: true, filters: params } });
  return (
    <>
      <h1>Findings</h1>
      <p className="lede">
        Problems reviewers found on records. Each finding is assigned to a reviewer, may ask the agency for an
        explanation, and is closed by an auditor with an outcome and a summary for residents, which the public findings
        page shows. To add records to a finding, select them in the records view of the queue.
      </p>
      <FilterForm
        path="/review/findings"
        params={params}
        fields={[
          {
            name: "status",
            label: "Status",
            type: "select",
            options: FINDING_STATUSES.map((s) => ({ value: s, label: FINDING_STATUS_LABELS[s] })),
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
                <Link href={`/review/findings/${f.id}`}>
                  Finding #{f.id}: {ruleTitle(f.findingType)}
                </Link>{" "}
                — {FINDING_STATUS_LABELS[f.status]}
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
                  <strong>{f.outcome ? FINDING_OUTCOME_LABELS[f.outcome] : "—"}</strong>. {f.outcomeNote}
                </p>
              ) : null}
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
