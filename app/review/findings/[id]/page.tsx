import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { findingDetail, reviewerChoices } from "@/db/queries/review/findings";
import { FINDING_OUTCOME_LABELS, FINDING_OUTCOMES, FINDING_STATUS_LABELS } from "@/lib/vocab";
import { city } from "@/lib/config/city";
import { localDate } from "@/lib/time";
import { requireRolePage } from "@/server/auth/dal";
import { NEXT_STEPS } from "@/server/review/workflow";
import {
  assignFindingAction,
  closeFindingAction,
  recordExplanationAction,
  requestExplanationAction,
} from "../../actions";
import { ReviewForm } from "../../_components/review-form";
import { ruleTitle } from "../../_components/flag-list";
import { fmtDateTime } from "../../_lib/format";
import { auditView } from "../../_lib/view-audit";

export const metadata: Metadata = { title: "Finding — Daylight review" };
const PATHS = {
  camera_access: "/review/access",
  alpr_search: "/review/alpr",
  drone_flight: "/review/flights",
} as const;
const LABELS = { camera_access: "Camera access", alpr_search: "Plate search", drone_flight: "Drone flight" } as const;

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const d = await findingDetail(db, id);
  if (!d) notFound();
  await auditView(user, { targetType: "finding", targetId: String(id) });
  const { f } = d;
  const next = NEXT_STEPS[f.status];
  const hidden = { name: "findingId", type: "hidden" as const, value: String(f.id) };
  const reviewers = next.includes("assigned") ? await reviewerChoices(db) : [];
  return (
    <>
      <p>
        <Link href="/review/findings">← All findings</Link>
      </p>
      <h1>
        Finding #{f.id}: {ruleTitle(f.findingType)}
      </h1>
      <dl>
        <dt>Status</dt>
        <dd>
          <strong>{FINDING_STATUS_LABELS[f.status]}</strong>
        </dd>
        <dt>Opened</dt>
        <dd>
          {fmtDateTime(f.openedAt)} by {d.openedByName}: {f.note}
        </dd>
        <dt>Reviewer</dt>
        <dd>{d.assignedToName ? `${d.assignedToName} (since ${fmtDateTime(f.assignedAt)})` : "Not assigned yet"}</dd>
        {f.explanationRequestedAt ? (
          <>
            <dt>Explanation requested</dt>
            <dd>
              {fmtDateTime(f.explanationRequestedAt)}, due {f.explanationDueOn}: {f.explanationRequest}
            </dd>
          </>
        ) : null}
        {f.explanationReceivedAt ? (
          <>
            <dt>Agency&apos;s explanation</dt>
            <dd>
              {fmtDateTime(f.explanationReceivedAt)}: {f.explanation}
            </dd>
          </>
        ) : null}
        {f.status === "closed" && f.outcome ? (
          <>
            <dt>Outcome</dt>
            <dd>
              <strong>{FINDING_OUTCOME_LABELS[f.outcome]}</strong> — closed {fmtDateTime(f.closedAt)} by{" "}
              {d.closedByName}: {f.outcomeNote}
            </dd>
            <dt>Public summary</dt>
            <dd>{f.publicSummary}</dd>
          </>
        ) : null}
      </dl>
      <h2>Records ({d.records.length})</h2>
      <ul>
        {d.records.map((r) => (
          <li key={`${r.recordType}:${r.recordId}`}>
            <Link href={`${PATHS[r.recordType]}/${r.recordId}`}>
              {LABELS[r.recordType]} #{r.recordId}
            </Link>
          </li>
        ))}
      </ul>
      {next.length > 0 ? <h2>Next step</h2> : null}
      {next.includes("assigned") ? (
        <ReviewForm
          action={assignFindingAction}
          idPrefix="assign"
          label="Assign the finding"
          submitLabel={f.assignedTo ? "Reassign" : "Assign"}
          fields={[
            hidden,
            {
              name: "assigneeId",
              label: "Reviewer",
              type: "select",
              required: true,
              options: reviewers.map((r) => ({ value: String(r.id), label: `${r.name} (${r.role})` })),
            },
          ]}
        />
      ) : null}
      {next.includes("explanation_requested") ? (
        <ReviewForm
          action={requestExplanationAction}
          idPrefix="request"
          label="Request an explanation from the agency"
          submitLabel="Request explanation"
          fields={[
            hidden,
            { name: "request", label: "What should the agency explain?", type: "textarea", required: true },
            {
              name: "dueOn",
              label: "Due by",
              type: "date",
              required: true,
              defaultValue: localDate(new Date(), city().timeZone),
            },
          ]}
        />
      ) : null}
      {next.includes("explanation_received") ? (
        <ReviewForm
          action={recordExplanationAction}
          idPrefix="explanation"
          label="Record the agency's explanation"
          submitLabel="Record explanation"
          fields={[
            hidden,
            { name: "explanation", label: "The agency's explanation", type: "textarea", required: true },
          ]}
        />
      ) : null}
      {next.includes("closed") ? (
        user.role === "auditor" ? (
          <ReviewForm
            action={closeFindingAction}
            idPrefix="close"
            label={`Close finding #${f.id}`}
            submitLabel={`Close finding #${f.id}`}
            fields={[
              hidden,
              {
                name: "outcome",
                label: "Outcome",
                type: "select",
                required: true,
                options: FINDING_OUTCOMES.map((o) => ({ value: o, label: FINDING_OUTCOME_LABELS[o] })),
              },
              { name: "note", label: "Outcome note (review area only)", type: "textarea", required: true },
              {
                name: "publicSummary",
                label: "Public summary for residents (no names)",
                type: "textarea",
                required: true,
              },
            ]}
          />
        ) : (
          <p className="muted">An auditor closes the finding with its outcome.</p>
        )
      ) : null}
    </>
  );
}
