import { OUTCOME_LABELS, OUTCOMES } from "@/server/review/workflow";
import { closeFindingAction } from "../actions";
import { ReviewForm } from "./review-form";

/** Auditors only (the action checks the role again). */
export function CloseFindingForm({ findingId }: { findingId: number }) {
  return (
    <ReviewForm
      action={closeFindingAction}
      idPrefix={`close-${findingId}`}
      label={`Close finding #${findingId}`}
      submitLabel={`Close finding #${findingId}`}
      fields={[
        { name: "findingId", type: "hidden", value: String(findingId) },
        {
          name: "outcome",
          label: "Outcome",
          type: "select",
          options: OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
          required: true,
        },
        { name: "note", label: "Outcome note", type: "textarea", required: true },
      ]}
    />
  );
}
