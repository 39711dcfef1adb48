// The zod schemas behind the staff costs forms (budget items, initiatives, milestones), kept out
// of the "use server" module so tests can parse real FormData with them.
import { z } from "zod";
import { blankToNull } from "./action-state";

export const programSlugs = ["drones", "fixed_cameras", "watch_center", "plate_readers", "cso"] as const;
export const milestoneKinds = [
  "rfp_issued",
  "vendor_selected",
  "contract_approved",
  "installation",
  "complete",
  "community_engagement",
  "other",
] as const;
export const serviceAreas = ["law_enforcement_emergency", "neighborhood_livability", "health_human_services"] as const;
export const serviceAreaLabels: Record<(typeof serviceAreas)[number], string> = {
  law_enforcement_emergency: "Law enforcement and emergency response",
  neighborhood_livability: "Neighborhood livability",
  health_human_services: "Health and human services",
};

const dollars = (msg: string) =>
  z
    .string()
    .trim()
    .regex(/^\$?\d{1,3}(,?\d{3})*(\.\d{1,2})?$/, msg)
    .transform((s) => Math.round(Number(s.replace(/[$,]/g, "")) * 100));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date");
const optionalId = z.preprocess(blankToNull, z.coerce.number().int().positive().nullable());
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());

export const budgetSchema = z.object({
  id: optionalId,
  program: z.preprocess(blankToNull, z.enum(programSlugs, { error: "Choose a program" }).nullable()),
  name: z.string().trim().min(3, "Name the item").max(160),
  description: z.string().trim().max(1000).default(""),
  approved: dollars("Enter the approved amount in dollars, e.g. 62000 or 62,000.00"),
  actual: z.preprocess(blankToNull, dollars("Enter the actual cost in dollars, or leave it empty").nullable()),
  fundingSource: z.string().trim().min(2, "Say where the money comes from").max(200),
  status: z.enum(["planned", "approved", "purchased", "complete", "cancelled"], { error: "Choose a status" }),
  fiscalYear: z
    .string()
    .trim()
    .regex(/^FY ?\d{2,4}(-\d{2,4})?$/i, "Use a fiscal year like FY2026"),
  note: optionalText(500),
});

export const milestoneSchema = z.object({
  id: optionalId,
  initiativeId: z.coerce.number({ error: "Choose an initiative" }).int().positive("Choose an initiative"),
  kind: z.enum(milestoneKinds, { error: "Choose a milestone type" }),
  title: z.string({ error: "Name the milestone" }).trim().min(3, "Name the milestone").max(160),
  dueDate: z.preprocess(blankToNull, isoDate.nullable()),
  completedDate: z.preprocess(blankToNull, isoDate.nullable()),
  note: optionalText(500),
  // The Spanish version is optional; the use case refuses half of one (server/content/costs.ts).
  titleEs: optionalText(160),
  noteEs: optionalText(500),
});

export const initiativeSchema = z.object({
  program: z.preprocess(blankToNull, z.enum(programSlugs, { error: "Choose a program" }).nullable()),
  name: z.string({ error: "Name the initiative" }).trim().min(3, "Name the initiative").max(160),
  description: z.string().trim().max(1000).default(""),
  serviceArea: z.enum(serviceAreas, { error: "Choose a service area" }),
  nameEs: optionalText(160),
  descriptionEs: optionalText(1000),
});
