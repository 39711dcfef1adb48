import "server-only";
// Staff content for /costs and /council: budget items, initiatives and their milestones, council
// meetings. Each write and its audit entry share the caller's transaction; the public pages
// follow after the commit.
import * as costs from "@/db/queries/staff/costs";
import type { initiatives, milestones } from "@/db/schema/content";
import { halfSpanish } from "@/lib/content/bilingual";
import { refused, type Refused } from "@/lib/content/action-state";
import { AppError } from "@/lib/errors";
import type { ProgramSlug, ServiceArea } from "@/lib/vocab";
import { auditPublicChange, type ContentContext } from "./context";

export type BudgetItemInput = Omit<costs.BudgetInput, "id" | "programSlug"> & {
  id: number | null;
  program: ProgramSlug | null;
};

/** `id` edits that item (AppError when it no longer exists); without one a new item is added. */
export async function saveBudgetItem(ctx: ContentContext, d: BudgetItemInput) {
  const id = d.id;
  const row = await costs.saveBudgetItem(ctx.tx, {
    id: id ?? undefined,
    programSlug: d.program,
    name: d.name,
    description: d.description,
    approvedAmountCents: d.approvedAmountCents,
    actualCostCents: d.actualCostCents,
    fundingSource: d.fundingSource,
    status: d.status,
    fiscalYear: d.fiscalYear.toUpperCase().replace(" ", ""),
    note: d.note,
  });
  if (!row) throw new AppError("not_found", "That budget item no longer exists.");
  await auditPublicChange(ctx, "staff-costs", {
    action: id ? "content.budget.edit" : "content.budget.create",
    targetType: "budget_item",
    targetId: String(row.id),
    details: {
      name: row.name,
      approvedAmountCents: row.approvedAmountCents,
      actualCostCents: row.actualCostCents,
      status: row.status,
    },
  });
  return row;
}

const textOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export type MilestoneInput = Omit<costs.MilestoneInput, "id"> & { id: number | null };

/** The saved milestone, or the refusal of half a Spanish version (title and, with an English note, a note). */
export async function saveMilestone(
  ctx: ContentContext,
  d: MilestoneInput,
): Promise<Refused | { row: typeof milestones.$inferSelect }> {
  const m = { ...d, note: textOrNull(d.note), titleEs: textOrNull(d.titleEs), noteEs: textOrNull(d.noteEs) };
  const half = halfSpanish([
    { name: "title", en: m.title, es: m.titleEs, enField: "title", esField: "titleEs" },
    { name: "note", en: m.note, es: m.noteEs, enField: "note", esField: "noteEs" },
  ]);
  if (half) return refused(half.field, half.message);
  const row = await costs.saveMilestone(ctx.tx, { ...m, id: d.id ?? undefined });
  if (!row) throw new AppError("not_found", "That milestone no longer exists.");
  await auditPublicChange(ctx, "staff-costs", {
    action: d.id ? "content.milestone.edit" : "content.milestone.create",
    targetType: "milestone",
    targetId: String(row.id),
    details: { kind: row.kind, completedDate: row.completedDate, spanish: row.titleEs !== null },
  });
  return { row };
}

export type InitiativeInput = {
  program: ProgramSlug | null;
  name: string;
  description: string;
  serviceArea: ServiceArea;
  nameEs: string | null;
  descriptionEs: string | null;
};

/** The new initiative, or the refusal of half a Spanish version (name and, with an English description, one). */
export async function createInitiative(
  ctx: ContentContext,
  d: InitiativeInput,
): Promise<Refused | { row: typeof initiatives.$inferSelect }> {
  const { program, ...rest } = d;
  const i = { ...rest, description: d.description.trim(), nameEs: textOrNull(d.nameEs), descriptionEs: textOrNull(d.descriptionEs) };
  const half = halfSpanish([
    { name: "name", en: i.name, es: i.nameEs, enField: "name", esField: "nameEs" },
    { name: "description", en: i.description, es: i.descriptionEs, enField: "description", esField: "descriptionEs" },
  ]);
  if (half) return refused(half.field, half.message);
  const row = await costs.createInitiative(ctx.tx, { ...i, programSlug: program });
  await auditPublicChange(ctx, "staff-costs", {
    action: "content.initiative.create",
    targetType: "initiative",
    targetId: String(row.id),
    details: { name: row.name, serviceArea: row.serviceArea, spanish: row.nameEs !== null },
  });
  return { row };
}

export type MeetingInput = Omit<Parameters<typeof costs.createMeeting>[1], "programSlug"> & {
  program: ProgramSlug | null;
};

/** A meeting, with an agenda item (and the period it covers) when one is named. */
export async function createMeeting(ctx: ContentContext, d: MeetingInput) {
  const { program, ...rest } = d;
  const m = await costs.createMeeting(ctx.tx, { ...rest, programSlug: program });
  await auditPublicChange(ctx, "staff-costs", {
    action: "content.meeting.create",
    targetType: "council_meeting",
    targetId: String(m.id),
    details: { meetingDate: d.meetingDate, agendaTitle: d.agendaTitle },
  });
  return m;
}
