import { listPrograms } from "@/db/queries/public/content";
import { listRolloutDecisions } from "@/db/queries/public/prioritization";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { city } from "@/lib/config/city";
import { formatDate } from "@/lib/format/numbers";
import { ROLLOUT_STATUSES, VOTE_RESULTS } from "@/lib/vocab";
import { recordRolloutAction } from "../_actions/rollout";

export const dynamic = "force-dynamic";
export const metadata = { title: "Rollout decisions · Staff" };

export default async function StaffRollout() {
  await requireRolePage("staff", "admin");
  const c = city();
  const [programs, decisions] = await Promise.all([listPrograms(), listRolloutDecisions()]);
  const word = c.areaKind === "division" ? "divisions" : "areas";
  const fields: FieldSpec[] = [
    {
      name: "program",
      label: "Technology",
      type: "select",
      required: true,
      options: programs.map((p) => ({ value: p.slug, label: p.name })),
    },
    {
      name: "areas",
      label: `${word[0].toUpperCase()}${word.slice(1)} (slugs, separated by commas)`,
      required: true,
      hint: `One of: ${c.areas.map((a) => a.properties.slug).join(", ")}`,
    },
    {
      name: "status",
      label: "Stage",
      type: "select",
      required: true,
      options: ROLLOUT_STATUSES.map((s) => ({ value: s, label: s })),
    },
    { name: "decidedOn", label: "Council meeting date", type: "date", required: true },
    { name: "liveOn", label: "Live on", type: "date", hint: "When it went or goes live, if known." },
    { name: "reason", label: "Why these (public)", type: "textarea", rows: 3, required: true },
    { name: "motion", label: "Motion", required: true },
    {
      name: "result",
      label: "Result",
      type: "select",
      required: true,
      options: VOTE_RESULTS.map((r) => ({ value: r, label: r })),
    },
    { name: "ayes", label: "Ayes", type: "number", required: true, defaultValue: "0" },
    { name: "noes", label: "Noes", type: "number", required: true, defaultValue: "0" },
    { name: "abstentions", label: "Abstentions", type: "number", required: true, defaultValue: "0" },
  ];
  return (
    <>
      <h1>Rollout decisions</h1>
      <p className="muted">
        Record the council&apos;s decision on which {word} come next, the stage, the reason and the vote. It appears on
        the public prioritization page and in the meetings list.
      </p>
      <ActionForm
        action={recordRolloutAction}
        fields={fields}
        submitLabel="Record decision"
        label="Record a rollout decision"
      />
      <h2>Recorded</h2>
      {decisions.length === 0 ? (
        <p>No decision recorded yet.</p>
      ) : (
        <ul>
          {decisions.map((d, i) => (
            <li key={i}>
              {formatDate(d.decided_on)}: {d.area_name}, {d.program_name}, {d.status}
              {d.result ? ` (${d.result} ${d.ayes}–${d.noes})` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
