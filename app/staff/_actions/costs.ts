"use server";
import { revalidatePath } from "next/cache";
import { publishSoon } from "@/server/jobs";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createInitiative, createMeeting, saveBudgetItem, saveMilestone } from "@/db/queries/staff/costs";
import { appendAudit } from "@/server/audit/log";
import { blankToNull, formValues, parseForm, type ActionState } from "@/lib/content/action-state";
import { budgetSchema, initiativeSchema, milestoneSchema } from "@/lib/content/cost-forms";
import { programSlugs, requireStaff } from "./guard";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date");

export async function saveBudgetItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(budgetSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const r = await saveBudgetItem(tx, {
      id: d.id ?? undefined,
      programSlug: d.program,
      name: d.name,
      description: d.description,
      approvedAmountCents: d.approved,
      actualCostCents: d.actual,
      fundingSource: d.fundingSource,
      status: d.status,
      fiscalYear: d.fiscalYear.toUpperCase().replace(" ", ""),
      note: d.note,
    });
    if (r)
      await appendAudit(tx, {
        ...g.actor,
        action: d.id ? "content.budget.edit" : "content.budget.create",
        targetType: "budget_item",
        targetId: String(r.id),
        details: {
          name: r.name,
          approvedAmountCents: r.approvedAmountCents,
          actualCostCents: r.actualCostCents,
          status: r.status,
        },
      });
    return r;
  });
  if (!row) return { ok: false, message: "That budget item no longer exists." };
  refresh();
  return {
    ok: true,
    message: `Saved "${row.name}".`,
    values: d.id ? formValues(formData) : undefined,
    link: { href: "/costs", label: "See public costs" },
  };
}

export async function saveMilestoneAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(milestoneSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const r = await saveMilestone(tx, { ...d, id: d.id ?? undefined });
    if (r)
      await appendAudit(tx, {
        ...g.actor,
        action: d.id ? "content.milestone.edit" : "content.milestone.create",
        targetType: "milestone",
        targetId: String(r.id),
        details: { kind: r.kind, completedDate: r.completedDate },
      });
    return r;
  });
  if (!row) return { ok: false, message: "That milestone no longer exists." };
  refresh();
  return { ok: true, message: `Saved "${row.title}".`, values: d.id ? formValues(formData) : undefined };
}

export async function createInitiativeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(initiativeSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const r = await createInitiative(tx, { ...d, programSlug: d.program });
    await appendAudit(tx, {
      ...g.actor,
      action: "content.initiative.create",
      targetType: "initiative",
      targetId: String(r.id),
      details: { name: r.name, serviceArea: r.serviceArea },
    });
    return r;
  });
  refresh();
  return {
    ok: true,
    message: `Added the initiative "${row.name}". Add its milestones below.`,
    link: { href: "/costs", label: "See public costs" },
  };
}

const meetingSchema = z
  .object({
    meetingDate: isoDate,
    title: z.string().trim().min(3, "Name the meeting").max(200),
    location: z.string().trim().max(200).default(""),
    summary: z.string().trim().max(2000).default(""),
    agendaTitle: z.preprocess(blankToNull, z.string().trim().max(200).nullable()),
    program: z.preprocess(blankToNull, z.enum(programSlugs).nullable()),
    periodStart: z.preprocess(blankToNull, isoDate.nullable()),
    periodEnd: z.preprocess(blankToNull, isoDate.nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The period ends before it starts" });
    if ((v.periodStart || v.periodEnd) && !v.agendaTitle)
      ctx.addIssue({ code: "custom", path: ["agendaTitle"], message: "Name the agenda item the period belongs to" });
  });

export async function createMeetingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(meetingSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  const m = await db.transaction(async (tx) => {
    const r = await createMeeting(tx, { ...d, programSlug: d.program });
    await appendAudit(tx, {
      ...g.actor,
      action: "content.meeting.create",
      targetType: "council_meeting",
      targetId: String(r.id),
      details: { meetingDate: d.meetingDate, agendaTitle: d.agendaTitle },
    });
    return r;
  });
  refresh();
  return {
    ok: true,
    message: `Added the meeting of ${m.meetingDate}.`,
    link: { href: "/council#meetings", label: "See council meetings" },
  };
}

/** Staff pages and the public pages they feed show the saved data on the next render. */
function refresh() {
  revalidatePath("/", "layout");
  void publishSoon("staff-costs");
}
