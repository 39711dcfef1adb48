// The zod schema behind the staff policy-version form, kept out of the "use server" module so tests
// can parse real FormData with it.
import { z } from "zod";
import { PROGRAM_SLUGS } from "../vocab";
import { blankToNull } from "./action-state";

export const policySchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and dashes, e.g. drones"),
  title: z.string().trim().min(5, "Give the policy a title").max(160),
  program: z.enum(PROGRAM_SLUGS, { error: "Choose the program this policy governs" }),
  version: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+){0,2}$/, "Use a version number like 1.2"),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date it takes effect"),
  adoptedBy: z.string().trim().min(3, "Say who adopted it, e.g. City Council, Resolution 2026-17").max(200),
  bodyMdx: z.string().trim().min(100, "The policy text must be at least 100 characters").max(100_000),
  // Optional plain-language summaries; the Spanish one is what Spanish readers see first.
  summary: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .min(10, "Write at least 10 characters, or leave the summary empty")
      .max(1000, "Keep the summary under 1,000 characters")
      .nullable(),
  ),
  summaryEs: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .min(10, "Write at least 10 characters, or leave the Spanish summary empty")
      .max(1000, "Keep the Spanish summary under 1,000 characters")
      .nullable(),
  ),
});

