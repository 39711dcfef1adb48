"use server";
// Staff edit the well-being strategy page: a phase's dates and summary, an engagement theme.
import { z } from "zod";
import { blankToNull, formValues } from "@/lib/content/action-state";
import { SERVICE_AREAS, STRATEGY_PHASES } from "@/lib/vocab";
import { action } from "@/server/action";
import { savePhase, saveTheme } from "@/server/content/well-being";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date (YYYY-MM-DD)");

const phaseSchema = z
  .object({
    phase: z.enum(STRATEGY_PHASES, { error: "Choose a phase" }),
    startsOn: isoDate,
    endsOn: z.preprocess(blankToNull, isoDate.nullable()),
    summary: z.string().trim().max(2000, "Keep the summary under 2,000 characters"),
  })
  .superRefine((v, c) => {
    if (v.endsOn && v.endsOn < v.startsOn)
      c.addIssue({ code: "custom", path: ["endsOn"], message: "A phase cannot end before it starts" });
  });

export const savePhaseAction = action({ roles: ["staff", "admin"], schema: phaseSchema }, async (ctx) => {
  await savePhase(ctx, ctx.data);
  return {
    ok: true,
    message: "Phase saved.",
    values: formValues(ctx.formData),
    link: { href: "/well-being", label: "See the strategy page" },
  };
});

const themeSchema = z.object({
  theme: z.string().trim().min(3, "Name the theme").max(80, "Keep the theme under 80 characters"),
  serviceArea: z.preprocess(blankToNull, z.enum(SERVICE_AREAS, { error: "Choose a service area" }).nullable()),
  comments: z.coerce
    .number({ error: "Enter the number of comments" })
    .int("Enter a whole number")
    .min(0, "Comments cannot be negative")
    .max(1_000_000, "Enter the number of comments"),
  summary: z.string().trim().min(10, "Summarize what residents said").max(1000, "Keep it under 1,000 characters"),
});

export const saveThemeAction = action({ roles: ["staff", "admin"], schema: themeSchema }, async (ctx) => {
  await saveTheme(ctx, ctx.data);
  return {
    ok: true,
    message: `Theme "${ctx.data.theme}" saved.`,
    link: { href: "/well-being", label: "See the strategy page" },
  };
});
