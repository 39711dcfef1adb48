import { listFeedbackForTriage } from "@/db/queries/staff/content";
import { ActionForm } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { feedbackHeading, statusLabels } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import { triageFeedbackAction } from "../_actions/targets";

export const dynamic = "force-dynamic";
export const metadata = { title: "Feedback triage · Staff" };

const statuses = Object.entries(statusLabels).map(([value, label]) => ({ value, label }));

export default async function StaffFeedback() {
  await requireRolePage("staff", "admin");
  const rows = await listFeedbackForTriage();
  const tz = city().timeZone;
  return (
    <>
      <h1>Community feedback</h1>
      <p className="muted">
        Contact details are for replying only and are never published. The one-line outcome of a resolved complaint is
        public.
      </p>
      {rows.length === 0 && <p>No feedback yet.</p>}
      {rows.map(({ f, programName }) => (
        <article key={f.id} className="card" style={{ marginBottom: "0.75rem" }} aria-labelledby={`fb-${f.id}`}>
          <h2 id={`fb-${f.id}`} style={{ fontSize: "1.05rem", margin: 0 }}>
            {feedbackHeading({ ...f, programName })}
          </h2>
          <p className="muted" style={{ margin: "0.25rem 0" }}>
            {formatInstant(f.createdAt, tz)} · {statusLabels[f.status]}
            {f.contactName || f.contactEmail
              ? ` · contact: ${[f.contactName, f.contactEmail].filter(Boolean).join(", ")}`
              : " · no contact given"}
          </p>
          <p style={{ whiteSpace: "pre-wrap" }}>{f.body}</p>
          <ActionForm
            action={triageFeedbackAction}
            inline
            label={`Triage #${f.id}`}
            submitLabel={`Save #${f.id}`}
            fields={[
              { name: "id", label: "", type: "hidden", defaultValue: String(f.id) },
              {
                name: "status",
                label: "Status",
                type: "select",
                options: statuses,
                defaultValue: f.status,
                required: true,
              },
              { name: "outcome", label: "Public outcome (one line)", defaultValue: f.outcome ?? "" },
            ]}
          />
        </article>
      ))}
    </>
  );
}
