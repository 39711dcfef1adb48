"use server";
import { z } from "zod";
import { createInitiative, createMeeting, saveBudgetItem, saveMilestone } from "@/db/queries/staff/costs";
import { blankToNull, formValues } from "@/lib/content/action-state";
import { budgetSchema, initiativeSchema, milestoneSchema } from "@/lib/content/cost-forms";
import { AppError } from "@/lib/errors";
import { PROGRAM_SLUGS } from "@/lib/vocab";
import { action } from "@/server/action";
import { publicContentChanged } from "@/server/content-changed";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date");
const staff = ["staff", "admin"] as const;

export const saveBudgetItemAction = action({ roles: staff, schema: budgetSchema }, async (ctx) => {
  const d = ctx.data;
  const row = await saveBudgetItem(ctx.tx, {
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
  if (!row) throw new AppError("not_found", "That budget item no longer exists.");
  await ctx.audit({
    action: d.id ? "content.budget.edit" : "content.budget.create",
    targetType: "budget_item",
    targetId: String(row.id),
    details: {
      name: row.name,
      approvedAmountCents: row.approvedAmountCents,
      actualCostCents: row.actualCostCents,
      status: row.status,
    },
  });
  ctx.afterCommit(() => publicContentChanged("staff-costs"));
  return {
    ok: true,
    message: `Saved "${row.name}".`,
    values: d.id ? formValues(ctx.formData) : undefined,
    link: { href: "/costs", label: "See public costs" },
  };
});

export const saveMilestoneAction = action({ roles: staff, schema: milestoneSchema }, async (ctx) => {
  const d = ctx.data;
  const row = await saveMilestone(ctx.tx, { ...d, id: d.id ?? undefined });
  if (!row) throw new AppError("not_found", "That milestone no longer exists.");
  await ctx.audit({
    action: d.id ? "content.milestone.edit" : "content.milestone.create",
    targetType: "milestone",
    targetId: String(row.id),
    details: { kind: row.kind, completedDate: row.completedDate },
  });
  ctx.afterCommit(() => publicContentChanged("staff-costs"));
  return { ok: true, message: `Saved "${row.title}".`, values: d.id ? formValues(ctx.formData) : undefined };
});

export const createInitiativeAction = action({ roles: staff, schema: initiativeSchema }, async (ctx) => {
  const d = ctx.data;
  const row = await createInitiative(ctx.tx, { ...d, programSlug: d.program });
  await ctx.audit({
    action: "content.initiative.create",
    targetType: "initiative",
    targetId: String(row.id),
    details: { name: row.name, serviceArea: row.serviceArea },
  });
  ctx.afterCommit(() => publicContentChanged("staff-costs"));
  return {
    ok: true,
    message: `Added the initiative "${row.name}". Add its milestones below.`,
    link: { href: "/costs", label: "See public costs" },
  };
});

const meetingSchema = z
  .object({
    meetingDate: isoDate,
    title: z.string().trim().min(3, "Name the meeting").max(200),
    location: z.string().trim().max(200).default(""),
    summary: z.string().trim().max(2000).default(""),
    agendaTitle: z.preprocess(blankToNull, z.string().trim().max(200).nullable()),
    program: z.preprocess(blankToNull, z.enum(PROGRAM_SLUGS).nullable()),
    periodStart: z.preprocess(blankToNull, isoDate.nullable()),
    periodEnd: z.preprocess(blankToNull, isoDate.nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The period ends before it starts" });
    if ((v.periodStart || v.periodEnd) && !v.agendaTitle)
      ctx.addIssue({ code: "custom", path: ["agendaTitle"], message: "Name the agenda item the period belongs to" });
  });

export const createMeetingAction = action({ roles: staff, schema: meetingSchema }, async (ctx) => {
  const d = ctx.data;
  const m = await createMeeting(ctx.tx, { ...d, programSlug: d.program });
  await ctx.audit({
    action: "content.meeting.create",
    targetType: "council_meeting",
    targetId: String(m.id),
    details: { meetingDate: d.meetingDate, agendaTitle: d.agendaTitle },
  });
  ctx.afterCommit(() => publicContentChanged("staff-costs"));
  return {
    ok: true,
    message: `Added the meeting of ${m.meetingDate}.`,
    link: { href: "/council#meetings", label: "See council meetings" },
  };
});

/** Staff pages and the public pages they feed show the saved data on the next render. */
