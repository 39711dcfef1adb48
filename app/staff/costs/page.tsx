import { listBudgetItems, listInitiatives } from "@/db/queries/public/content";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { formatMoney } from "@/lib/format/numbers";
import { milestoneSentence } from "@/lib/content/milestone-status";
import { city } from "@/lib/config/city";
import { isoDateIn } from "@/lib/format/intl";
import { milestoneKinds, serviceAreaLabels, serviceAreas } from "@/lib/content/cost-forms";
import { createInitiativeAction, saveBudgetItemAction, saveMilestoneAction } from "../_actions/costs";
import { programOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Costs and milestones · Staff" };

const statuses = ["planned", "approved", "purchased", "complete", "cancelled"].map((s) => ({ value: s, label: s }));
const kinds = milestoneKinds.map((k) => ({ value: k, label: k.replaceAll("_", " ") }));
const areaOptions = serviceAreas.map((a) => ({ value: a, label: serviceAreaLabels[a] }));
const dollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));
// A milestone's optional Spanish version, whole or none: Spanish readers of /costs and /well-being see it.
const spanishTitle: FieldSpec = {
  name: "titleEs",
  label: "Spanish version: title",
  hint: "With a Spanish note too when there is a note.",
  lang: "es",
};
const spanishNote: FieldSpec = { name: "noteEs", label: "Spanish version: note", lang: "es" };

export default async function StaffCosts() {
  await requireRolePage("staff", "admin");
  const [items, inits, programs] = await Promise.all([listBudgetItems(), listInitiatives(), programOptions()]);
  const today = isoDateIn(new Date(), city().timeZone);
  const budgetFields = (b?: (typeof items)[number]): FieldSpec[] => [
    { name: "id", label: "", type: "hidden", defaultValue: b ? String(b.id) : "" },
    { name: "name", label: "Item", required: true, defaultValue: b?.name },
    { name: "program", label: "Program", type: "select", options: programs, defaultValue: b?.programSlug ?? "" },
    {
      name: "approved",
      label: "Approved amount ($)",
      required: true,
      defaultValue: b ? dollars(b.approvedAmountCents) : "",
    },
    { name: "actual", label: "Actual cost ($)", defaultValue: b ? dollars(b.actualCostCents) : "" },
    { name: "fundingSource", label: "Funding source", required: true, defaultValue: b?.fundingSource },
    {
      name: "status",
      label: "Status",
      type: "select",
      options: statuses,
      required: true,
      defaultValue: b?.status ?? "planned",
    },
    { name: "fiscalYear", label: "Fiscal year", required: true, defaultValue: b?.fiscalYear ?? "FY2026" },
    { name: "description", label: "Description", type: "textarea", rows: 2, defaultValue: b?.description },
    {
      name: "note",
      label: "Public note",
      hint: "For example how an overrun was covered.",
      defaultValue: b?.note ?? "",
    },
  ];
  return (
    <>
      <h1>Costs and milestones</h1>
      <h2>Budget items</h2>
      {items.map((b) => (
        <details key={b.id} className="card" style={{ marginBottom: "0.5rem" }}>
          <summary>
            {b.name}: {formatMoney(b.approvedAmountCents)} approved
            {b.actualCostCents !== null ? `, ${formatMoney(b.actualCostCents)} actual` : ""} ({b.status})
          </summary>
          <ActionForm
            action={saveBudgetItemAction}
            fields={budgetFields(b)}
            submitLabel={`Save ${b.name}`}
            label={`Edit ${b.name}`}
          />
        </details>
      ))}
      <details className="card">
        <summary>Add a budget item</summary>
        <ActionForm
          action={saveBudgetItemAction}
          fields={budgetFields()}
          submitLabel="Add budget item"
          label="New budget item"
        />
      </details>
      <h2>Initiatives and milestones</h2>
      {inits.map((i) => (
        <section key={i.id} className="card" style={{ marginBottom: "1rem" }}>
          <h3>{i.name}</h3>
          {i.milestones.map((m) => (
            <details key={m.id}>
              <summary>
                {m.title} ({m.kind.replaceAll("_", " ")}) : {milestoneSentence(m, today, (d) => d)}
              </summary>
              <ActionForm
                action={saveMilestoneAction}
                inline
                label={`Edit ${m.title}`}
                submitLabel="Save milestone"
                fields={[
                  { name: "id", label: "", type: "hidden", defaultValue: String(m.id) },
                  { name: "initiativeId", label: "", type: "hidden", defaultValue: String(i.id) },
                  { name: "kind", label: "Type", type: "select", options: kinds, defaultValue: m.kind, required: true },
                  { name: "title", label: "Milestone", defaultValue: m.title, required: true },
                  { name: "dueDate", label: "Due", type: "date", defaultValue: m.dueDate ?? "" },
                  { name: "completedDate", label: "Completed", type: "date", defaultValue: m.completedDate ?? "" },
                  { name: "note", label: "Note", defaultValue: m.note ?? "" },
                  { ...spanishTitle, defaultValue: m.titleEs ?? "" },
                  { ...spanishNote, defaultValue: m.noteEs ?? "" },
                ]}
              />
            </details>
          ))}
          <details>
            <summary>Add a milestone to {i.name}</summary>
            <ActionForm
              action={saveMilestoneAction}
              inline
              label={`New milestone for ${i.name}`}
              submitLabel="Add milestone"
              fields={[
                { name: "initiativeId", label: "", type: "hidden", defaultValue: String(i.id) },
                { name: "kind", label: "Type", type: "select", options: kinds, defaultValue: "other", required: true },
                { name: "title", label: "Milestone", required: true },
                { name: "dueDate", label: "Due", type: "date" },
                { name: "completedDate", label: "Completed", type: "date" },
                { name: "note", label: "Note" },
                spanishTitle,
                spanishNote,
              ]}
            />
          </details>
        </section>
      ))}
      <details className="card">
        <summary>Add an initiative</summary>
        <ActionForm
          action={createInitiativeAction}
          label="New initiative"
          submitLabel="Add initiative"
          fields={[
            { name: "name", label: "Initiative", required: true },
            { name: "program", label: "Program", type: "select", options: programs, defaultValue: "" },
            { name: "serviceArea", label: "Service area", type: "select", options: areaOptions, required: true },
            { name: "description", label: "Description", type: "textarea", rows: 2 },
            {
              name: "nameEs",
              label: "Spanish version: name",
              hint: "With a Spanish description too when the English has one; Spanish readers see it instead.",
              lang: "es",
            },
            {
              name: "descriptionEs",
              label: "Spanish version: description",
              type: "textarea",
              rows: 2,
              lang: "es",
            },
          ]}
        />
      </details>
    </>
  );
}
