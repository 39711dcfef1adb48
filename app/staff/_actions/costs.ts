"use server";
import { z } from "zod";
import { blankToNull, formValues, refusedState } from "@/lib/content/action-state";
import { budgetSchema, initiativeSchema, milestoneSchema } from "@/lib/content/cost-forms";
import { PROGRAM_SLUGS } from "@/lib/vocab";
import { action } from "@/server/action";
import { createInitiative, createMeeting, saveBudgetItem, saveMilestone } from "@/server/content/costs";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date");
const staff = ["staff", "admin"] as const;

export const saveBudgetItemAction = action({ roles: staff, schema: budgetSchema }, async (ctx) => {
  const d = ctx.data;
  const row = await saveBudgetItem(ctx, { ...d, approvedAmountCents: d.approved, actualCostCents: d.actual });
  return {
    ok: true,
    message: `Saved "${row.name}".`,
    values: d.id ? formValues(ctx.formData) : undefined,
    link: { href: "/costs", label: "See public costs" },
  };
});

export const saveMilestoneAction = action({ roles: staff, schema: milestoneSchema }, async (ctx) => {
  const r = await saveMilestone(ctx, ctx.data);
  if ("refused" in r) return refusedState(r, ctx.formData);
  return { ok: true, message: `Saved "${r.row.title}".`, values: ctx.data.id ? formValues(ctx.formData) : undefined };
});

export const createInitiativeAction = action({ roles: staff, schema: initiativeSchema }, async (ctx) => {
  const r = await createInitiative(ctx, ctx.data);
  if ("refused" in r) return refusedState(r, ctx.formData);
  const row = r.row;
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
  const m = await createMeeting(ctx, ctx.data);
  return {
    ok: true,
    message: `Added the meeting of ${m.meetingDate}.`,
    link: { href: "/council#meetings", label: "See council meetings" },
  };
});
