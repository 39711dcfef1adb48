import "server-only";
// Staff content for /costs and /council: budget items, initiatives and their milestones, council
// meetings. Each write and its audit entry share the caller's transaction; the public pages
// follow after the commit.
import * as costs from "@/db/queries/staff/costs";
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

export async function saveMilestone(ctx: ContentContext, d: Omit<costs.MilestoneInput, "id"> & { id: number | null }) {
  const row = await costs.saveMilestone(ctx.tx, { ...d, id: d.id ?? undefined });
  if (!row) throw new AppError("not_found", "That milestone no longer exists.");
  await auditPublicChange(ctx, "staff-costs", {
    action: d.id ? "content.milestone.edit" : "content.milestone.create",
    targetType: "milestone",
    targetId: String(row.id),
    details: { kind: row.kind, completedDate: row.completedDate },
  });
  return row;
}

export async function createInitiative(
  ctx: ContentContext,
  d: { program: ProgramSlug | null; name: string; description: string; serviceArea: ServiceArea },
) {
  const { program, ...rest } = d;
  const row = await costs.createInitiative(ctx.tx, { ...rest, programSlug: program });
  await auditPublicChange(ctx, "staff-costs", {
    action: "content.initiative.create",
    targetType: "initiative",
    targetId: String(row.id),
    details: { name: row.name, serviceArea: row.serviceArea },
  });
  return row;
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
