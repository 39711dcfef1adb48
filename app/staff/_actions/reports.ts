"use server";
// Staff actions for the annual surveillance report: a section's narrative, and a records request.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { blankToNull, formValues } from "@/lib/content/action-state";
import { PROGRAM_SLUGS, RECORDS_REQUEST_OUTCOMES, REPORT_SECTIONS } from "@/lib/vocab";
import { action } from "@/server/action";
import { addRecordsRequest, saveReportNarrative } from "@/server/content/reports";

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
  await saveReportNarrative(ctx, d);
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
  await addRecordsRequest(ctx, ctx.data);
  revalidatePath("/staff/reports");
  return {
    ok: true,
    message: "Records request added. It is counted in the annual report at the next publication.",
  };
});
