// The reviewer's tools on one record: history, findings, and the three actions.
import { ActionForm } from "@/components/forms/action-form";
import type { FindingInfo, HistoryItem } from "./types";
import { OUTCOME_LABELS, OUTCOMES } from "@/db/queries/review/workflow";
import type { SessionUser } from "@/lib/auth/roles";
import { closeFindingAction, openFindingAction, reviewAction } from "../actions";
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

export function WorkflowPanel({ user, recordType, recordId, rules, history, findings }: Props) {
  const hidden = [
    { name: "recordType", label: "Record type", type: "hidden" as const, defaultValue: recordType },
    { name: "recordId", label: "Record", type: "hidden" as const, defaultValue: String(recordId) },
  ];
  const typeOptions = [...rules.map((r) => ({ value: r, label: ruleTitle(r) })), { value: "other", label: "Other" }];
  return (
    <section aria-labelledby="workflow-h" className={styles.panel}>
      <h2 id="workflow-h">Review</h2>
      <div className={styles.grid}>
        <div>
          <h3>Mark as reviewed</h3>
          <ActionForm action={reviewAction} label="Mark as reviewed" submitLabel="Mark reviewed"
            fields={[...hidden, { name: "action", label: "Action", type: "hidden", defaultValue: "reviewed" }, { name: "note", label: "Note", type: "textarea", rows: 2 }]} />
        </div>
        <div>
          <h3>Request an explanation</h3>
          <ActionForm action={reviewAction} label="Request an explanation" submitLabel="Request explanation"
            fields={[...hidden, { name: "action", label: "Action", type: "hidden", defaultValue: "explanation_requested" }, { name: "note", label: "What should the agency explain?", type: "textarea", rows: 2, required: true }]} />
        </div>
        <div>
          <h3>Open a finding</h3>
          <ActionForm action={openFindingAction} label="Open a finding" submitLabel="Open finding"
            fields={[...hidden, { name: "findingType", label: "Finding type", type: "select", options: typeOptions, defaultValue: typeOptions[0].value, required: true },
              { name: "note", label: "Finding", type: "textarea", rows: 2, required: true }]} />
        </div>
      </div>
      <h3>Findings on this record</h3>
      {findings.length === 0 ? <p className="muted">None.</p> : (
        <ul>
          {findings.map((f) => (
            <li key={f.id}>
              <strong>Finding #{f.id}</strong> ({ruleTitle(f.findingType)}) — {f.status === "open" ? "open" : `closed: ${OUTCOME_LABELS[f.outcome as keyof typeof OUTCOME_LABELS] ?? humanize(f.outcome)}`}. {f.note}
              {f.status === "open" && user.role === "auditor" ? (
                <ActionForm action={closeFindingAction} label={`Close finding #${f.id}`} submitLabel={`Close finding #${f.id}`}
                  fields={[{ name: "findingId", label: "Finding", type: "hidden", defaultValue: String(f.id) },
                    { name: "outcome", label: "Outcome", type: "select", options: OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })), defaultValue: "no_violation", required: true },
                    { name: "note", label: "Outcome note", type: "textarea", rows: 2, required: true }]} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>History</h3>
      {history.length === 0 ? <p className="muted">No reviewer has acted on this record yet.</p> : (
        <ol className={styles.timeline}>
          {history.map((h) => <li key={h.id}>{fmtDateTime(h.at)} — <strong>{h.userName}</strong>: {humanize(h.action)}{h.note ? `: ${h.note}` : ""}</li>)}
        </ol>
      )}
    </section>
  );
}
