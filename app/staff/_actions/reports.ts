"use server";
// Staff actions for the annual surveillance report: a section's narrative, and a records request.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addRecordsRequest, saveNarrative } from "@/db/queries/staff/reports";
import { blankToNull, formValues } from "@/lib/content/action-state";
import { AppError } from "@/lib/errors";
import { PROGRAM_SLUGS, RECORDS_REQUEST_OUTCOMES, REPORT_SECTIONS } from "@/lib/vocab";
import { action } from "@/server/action";
import { publicContentChanged } from "@/server/content-changed";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date (YYYY-MM-DD)");
const year = z.coerce
  .number({ error: "Enter a year" })
  .int("Enter a year such as 2026")
  .min(2000, "Enter a year such as 2026")
  .max(2100, "Enter a year such as 2026");

const narrativeSchema = z.object({
  program: z.enum(PROGRAM_SLUGS, { error: "Choose a technology" }),
  year,
  section: z.enum(REPORT_SECTIONS, { error: "Choose a section" }),
  body: z.string().trim().max(10_000, "Keep a section's text under 10,000 characters"),
});

export const saveNarrativeAction = action({ roles: ["staff", "admin"], schema: narrativeSchema }, async (ctx) => {
  const d = ctx.data;
  const r = await saveNarrative(ctx.tx, { ...d, userId: ctx.user.id });
  if (!r) throw new AppError("bad_request", "That technology is not set up in this city.");
  await ctx.audit({
    action: d.body ? "content.report_narrative.set" : "content.report_narrative.remove",
    targetType: "annual_report",
    targetId: `${d.program}/${d.year}/${d.section}`,
    details: { length: d.body.length },
  });
  ctx.afterCommit(() => publicContentChanged("staff-report-narrative"));
  return {
    ok: true,
    message: d.body ? "Section text saved." : "Section text removed.",
    values: formValues(ctx.formData),
    link: { href: `/reports/${d.program}/${d.year}#${d.section}`, label: "See the report" },
  };
});

const requestSchema = z
  .object({
    program: z.enum(PROGRAM_SLUGS, { error: "Choose a technology" }),
    receivedOn: isoDate,
    closedOn: z.preprocess(blankToNull, isoDate.nullable()),
    outcome: z.enum(RECORDS_REQUEST_OUTCOMES, { error: "Choose an outcome" }),
  })
  .superRefine((v, c) => {
    if (v.closedOn && v.closedOn < v.receivedOn)
      c.addIssue({ code: "custom", path: ["closedOn"], message: "A request cannot close before it was received" });
    if (v.outcome === "pending" && v.closedOn)
      c.addIssue({ code: "custom", path: ["outcome"], message: "A closed request needs its outcome" });
    if (v.outcome !== "pending" && !v.closedOn)
      c.addIssue({ code: "custom", path: ["closedOn"], message: "Give the date the request was closed" });
  });

export const addRecordsRequestAction = action({ roles: ["staff", "admin"], schema: requestSchema }, async (ctx) => {
  const d = ctx.data;
  const r = await addRecordsRequest(ctx.tx, { ...d, userId: ctx.user.id });
  if (!r) throw new AppError("bad_request", "That technology is not set up in this city.");
  await ctx.audit({
    action: "content.records_request.add",
    targetType: "records_request",
    targetId: String(r.id),
    details: { program: d.program, outcome: d.outcome },
  });
  revalidatePath("/staff/reports");
  return {
    ok: true,
    message: "Records request added. It is counted in the annual report at the next publication.",
  };
});
