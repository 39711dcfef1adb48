"use server";
import { z } from "zod";
import { blankToNull, formValues } from "@/lib/content/action-state";
import { action } from "@/server/action";
import { saveTarget, saveWeights, triageFeedback } from "@/server/content/targets";

const staff = ["staff", "admin"] as const;

const targetSchema = z
  .object({
    metricKey: z
      .string()
      .trim()
      .regex(
        /^[a-z][a-z0-9_]{2,63}$/,
        "Use lower-case letters, digits and underscores, e.g. drone_median_time_to_scene_sec",
      ),
    label: z.string().trim().min(3, "Describe the metric").max(160),
    target: z.coerce.number({ error: "Enter a number" }).finite("Enter a number").min(0, "Targets cannot be negative"),
    unit: z.enum(["seconds", "minutes", "share", "count"], { error: "Choose a unit" }),
    direction: z.enum(["lower_is_better", "higher_is_better"], { error: "Choose whether lower or higher is better" }),
  })
  .superRefine((v, ctx) => {
    if (v.unit === "share" && v.target > 1)
      ctx.addIssue({ code: "custom", path: ["target"], message: "A share is between 0 and 1 (0.95 means 95%)" });
  });

export const saveTargetAction = action({ roles: staff, schema: targetSchema }, async (ctx) => {
  await saveTarget(ctx, ctx.data);
  return {
    ok: true,
    message: `Target for "${ctx.data.label}" saved.`,
    values: formValues(ctx.formData),
    link: { href: "/council", label: "See the scorecard" },
  };
});

const triageSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    status: z.enum(["new", "triaged", "in_progress", "resolved", "dismissed"], { error: "Choose a status" }),
    outcome: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(200, "Keep the outcome to one line (200 characters)")
        .regex(/^[^\n\r]*$/, "One line only")
        .nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.status === "resolved" && !v.outcome)
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "A resolved item needs a one-line public outcome" });
  });

export const triageFeedbackAction = action({ roles: staff, schema: triageSchema }, async (ctx) => {
  await triageFeedback(ctx, ctx.data);
  return { ok: true, message: `Marked ${ctx.data.status.replace("_", " ")}.`, values: formValues(ctx.formData) };
});

const weight = z.coerce
  .number({ error: "Enter a number" })
  .min(0, "Weights are 0 or more")
  .max(1, "Weights are at most 1");
/** All weights in one form: fields named weight_<factor>, each 0–1 (only their proportions matter). */
const weightsSchema = z.record(z.string(), z.unknown()).transform((values, c) => {
  const out: Array<{ factor: string; weight: number }> = [];
  for (const [k, v] of Object.entries(values)) {
    if (!k.startsWith("weight_")) continue;
    const r = weight.safeParse(v);
    if (r.success) out.push({ factor: k.slice(7), weight: r.data });
    else for (const i of r.error.issues) c.addIssue({ code: "custom", path: [k], message: i.message });
  }
  return out;
});

export const saveWeightsAction = action({ roles: staff, schema: weightsSchema }, async (ctx) => {
  await saveWeights(ctx, ctx.data);
  return {
    ok: true,
    message: "Weights saved.",
    values: formValues(ctx.formData),
    link: { href: "/council/prioritization", label: "See the prioritization page" },
  };
});
