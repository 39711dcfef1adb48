// The reviewer's tools on one record: history, findings, and the three actions.
import { ReviewForm } from "./review-form";
import type { FindingInfo, HistoryItem } from "./types";
import Link from "next/link";
import { FINDING_OUTCOME_LABELS, FINDING_STATUS_LABELS, type FindingOutcome } from "@/lib/vocab";
import type { SessionUser } from "@/lib/auth/roles";
import { openFindingAction, reviewAction } from "../actions";
import { fmtDateTime, humanize } from "../_lib/format";
import { ruleTitle } from "./flag-list";
import styles from "../review.module.css";

type Props = {
  user: SessionUser;
  recordType: "camera_access" | "alpr_search" | "drone_flight";
  recordId: number;
  rules: string[];
  history: HistoryItem[];
  findings: FindingInfo[];
};

export function WorkflowPanel({ recordType, recordId, rules, history, findings }: Props) {
  const hidden = [
    { name: "recordType", type: "hidden" as const, value: recordType },
    { name: "recordId", type: "hidden" as const, value: String(recordId) },
  ];
  const typeOptions = [...rules.map((r) => ({ value: r, label: ruleTitle(r) })), { value: "other", label: "Other" }];
  return (
    <section aria-labelledby="workflow-h" className={styles.panel}>
      <h2 id="workflow-h">Review</h2>
      <div className={styles.grid}>
        <div>
          <h3>Mark as reviewed</h3>
          <ReviewForm
            action={reviewAction}
            idPrefix="reviewed"
            label="Mark as reviewed"
            submitLabel="Mark reviewed"
            fields={[
              ...hidden,
              { name: "action", type: "hidden", value: "reviewed" },
              { name: "note", label: "Note", type: "textarea" },
            ]}
          />
        </div>
        <div>
          <h3>Request an explanation</h3>
          <ReviewForm
            action={reviewAction}
            idPrefix="explain"
            label="Request an explanation"
            submitLabel="Request explanation"
            fields={[
              ...hidden,
              { name: "action", type: "hidden", value: "explanation_requested" },
              { name: "note", label: "What should the agency explain?", type: "textarea", required: true },
            ]}
          />
        </div>
        <div>
          <h3>Open a finding</h3>
          <ReviewForm
            action={openFindingAction}
            idPrefix="finding"
            label="Open a finding"
            submitLabel="Open finding"
            fields={[
              ...hidden,
              { name: "findingType", label: "Finding type", type: "select", options: typeOptions, required: true },
              { name: "note", label: "Finding", type: "textarea", required: true },
            ]}
          />
        </div>
      </div>
      <h3>Findings on this record</h3>
      {findings.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.id}>
              <Link href={`/review/findings/${f.id}`}>
                <strong>Finding #{f.id}</strong>
              </Link>{" "}
              ({ruleTitle(f.findingType)}) —{" "}
              {f.status === "closed"
                ? `closed: ${FINDING_OUTCOME_LABELS[f.outcome as FindingOutcome] ?? humanize(f.outcome)}`
                : FINDING_STATUS_LABELS[f.status].toLowerCase()}
              . {f.note}
            </li>
          ))}
        </ul>
      )}
      <h3>History</h3>
      {history.length === 0 ? (
        <p className="muted">No reviewer has acted on this record yet.</p>
      ) : (
        <ol className={styles.timeline}>
          {history.map((h) => (
            <li key={h.id}>
              {fmtDateTime(h.at)} — <strong>{h.userName}</strong>: {humanize(h.action)}
              {h.note ? `: ${h.note}` : ""}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
