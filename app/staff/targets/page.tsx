import { listTargets, listWeights } from "@/db/queries/staff/content";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { metricCatalog, normalizeUnit } from "@/lib/content/metrics";
import { formatValue } from "@/lib/content/scorecard";
import { saveTargetAction, saveWeightsAction } from "../_actions/targets";

export const dynamic = "force-dynamic";
export const metadata = { title: "Targets and weights · Staff" };

const units = ["seconds", "minutes", "share", "count"].map((u) => ({
  value: u,
  label: u === "share" ? "share (0–1)" : u,
}));
const directions = [
  { value: "lower_is_better", label: "Lower is better" },
  { value: "higher_is_better", label: "Higher is better" },
];

export default async function StaffTargets() {
  await requireRolePage("staff", "admin");
  const [targets, weights] = await Promise.all([listTargets(), listWeights()]);
  const targetFields = (t?: {
    metricKey: string;
    label: string;
    target: number;
    unit: string;
    direction: string;
  }): FieldSpec[] => [
    {
      name: "metricKey",
      label: "Metric",
      type: t ? "hidden" : "select",
      required: true,
      defaultValue: t?.metricKey ?? metricCatalog[0].key,
      options: metricCatalog.map((m) => ({ value: m.key, label: m.label })),
    },
    { name: "label", label: "Label", required: true, defaultValue: t?.label },
    {
      name: "target",
      label: "Target",
      required: true,
      type: "number",
      step: "any",
      defaultValue: t ? String(t.target) : "",
    },
    {
      name: "unit",
      label: "Unit",
      type: "select",
      options: units,
      defaultValue: t ? normalizeUnit(t.unit) : "seconds",
      required: true,
    },
    {
      name: "direction",
      label: "Better when",
      type: "select",
      options: directions,
      defaultValue: t?.direction ?? "lower_is_better",
      required: true,
    },
  ];
  return (
    <>
      <h1>Targets and weights</h1>
      <h2>Metric targets</h2>
      <p className="muted">
        The council scorecard compares each published number with its target. Shares are written between 0 and 1 (0.95
        means 95%).
      </p>
      {targets.map((t) => (
        <section key={t.metricKey} className="card" style={{ marginBottom: "0.75rem" }} aria-label={t.label}>
          <h3>
            {t.label}: {formatValue(t.target, normalizeUnit(t.unit))}
          </h3>
          <ActionForm
            action={saveTargetAction}
            inline
            fields={targetFields(t)}
            submitLabel={`Save target for ${t.label}`}
            label={`Target for ${t.label}`}
          />
        </section>
      ))}
      <details className="card">
        <summary>Set a target for another metric</summary>
        <ActionForm action={saveTargetAction} fields={targetFields()} submitLabel="Save target" label="New target" />
      </details>
      <h2>Rollout prioritization weights</h2>
      <p className="muted">
        The starting weights on the public prioritization page (0 to 1; only their proportions matter). Visitors can
        move them there without changing these.
      </p>
      <ActionForm
        action={saveWeightsAction}
        label="Prioritization weights"
        submitLabel="Save weights"
        fields={weights.map((w) => ({
          name: `weight_${w.factor}`,
          label: `${w.label} (${w.direction === "lower_is_better" ? "lower ranks higher" : "higher ranks higher"})`,
          type: "number",
          step: "0.05",
          defaultValue: String(w.weight),
          required: true,
        }))}
      />
    </>
  );
}
