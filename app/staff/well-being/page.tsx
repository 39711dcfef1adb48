import { listStrategyPhases } from "@/db/queries/public/well-being";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { PHASE_LABELS, SERVICE_AREA_LABELS } from "@/lib/content/strategy";
import { SERVICE_AREAS, STRATEGY_PHASES } from "@/lib/vocab";
import { savePhaseAction, saveThemeAction } from "../_actions/well-being";

export const dynamic = "force-dynamic";
export const metadata = { title: "Well-being strategy · Staff" };

export default async function StaffWellBeing() {
  await requireRolePage("staff", "admin");
  const phases = await listStrategyPhases();
  const themeFields: FieldSpec[] = [
    { name: "theme", label: "Theme", required: true },
    {
      name: "serviceArea",
      label: "Service area",
      type: "select",
      options: [
        { value: "", label: "All service areas" },
        ...SERVICE_AREAS.map((s) => ({ value: s, label: SERVICE_AREA_LABELS[s] })),
      ],
    },
    { name: "comments", label: "Comments on this theme", type: "number", required: true },
    { name: "summary", label: "What residents said (public)", type: "textarea", rows: 3, required: true },
  ];
  return (
    <>
      <h1>Community Safety and Well-Being strategy</h1>
      <h2>Phases</h2>
      {STRATEGY_PHASES.map((p) => {
        const cur = phases.find((x) => x.phase === p);
        return (
          <section key={p} className="card" style={{ marginBottom: "0.75rem" }} aria-label={PHASE_LABELS[p]}>
            <h3>{PHASE_LABELS[p]}</h3>
            <ActionForm
              action={savePhaseAction}
              submitLabel="Save phase"
              label={PHASE_LABELS[p]}
              fields={[
                { name: "phase", label: "Phase", type: "hidden", defaultValue: p },
                { name: "startsOn", label: "Starts on", type: "date", required: true, defaultValue: cur?.startsOn },
                { name: "endsOn", label: "Ends on", type: "date", defaultValue: cur?.endsOn ?? "" },
                { name: "summary", label: "Summary (public)", type: "textarea", rows: 3, defaultValue: cur?.summary },
              ]}
            />
          </section>
        );
      })}
      <h2>What residents said, by theme</h2>
      <p className="muted">Saving a theme that exists replaces its count and summary.</p>
      <ActionForm action={saveThemeAction} fields={themeFields} submitLabel="Save theme" label="Save a theme" />
    </>
  );
}
