"use server";
import { revalidatePath } from "next/cache";
import { publishSoon } from "@/server/jobs";
import { z } from "zod";
import { getDb } from "@/db/client";
import { setWeight, triageFeedback, upsertTarget } from "@/db/queries/staff/content";
import { appendAudit } from "@/server/audit/log";
import { blankToNull, formValues, parseForm, type ActionState } from "@/lib/content/action-state";
import { requireStaff } from "./guard";

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

export async function saveTargetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(targetSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const r = await upsertTarget(tx, { ...d, userId: g.user.id });
    await appendAudit(tx, {
      ...g.actor,
      action: "content.target.set",
      targetType: "metric_target",
      targetId: r.metricKey,
      details: { target: r.target, unit: r.unit, direction: r.direction },
    });
  });
  refresh();
  return {
    ok: true,
    message: `Target for "${d.label}" saved.`,
    values: formValues(formData),
    link: { href: "/council", label: "See the scorecard" },
  };
}

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

export async function triageFeedbackAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(triageSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const r = await triageFeedback(tx, d);
    if (r)
      await appendAudit(tx, {
        ...g.actor,
        action: "feedback.triage",
        targetType: "feedback",
        targetId: String(r.id),
        details: { status: d.status },
      });
    return r;
  });
  if (!row) return { ok: false, message: "That feedback no longer exists." };
  refresh();
  return { ok: true, message: `Marked ${d.status.replace("_", " ")}.`, values: formValues(formData) };
}

/** All weights in one form: fields named weight_<factor>, each 0–1 (only their proportions matter). */
export async function saveWeightsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const values = formValues(formData);
  const weight = z.coerce
    .number({ error: "Enter a number" })
    .min(0, "Weights are 0 or more")
    .max(1, "Weights are at most 1");
  const errors: Record<string, string[]> = {};
  const parsed: Array<{ factor: string; weight: number }> = [];
  for (const [k, v] of Object.entries(values)) {
    if (!k.startsWith("weight_")) continue;
    const r = weight.safeParse(v);
    if (r.success) parsed.push({ factor: k.slice(7), weight: r.data });
    else errors[k] = r.error.issues.map((i) => i.message);
  }
  if (Object.keys(errors).length)
    return { ok: false, message: "Please correct the fields marked below.", errors, values };
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (const p of parsed) await setWeight(tx, p);
    await appendAudit(tx, {
      ...g.actor,
      action: "content.weights.set",
      targetType: "prioritization_weights",
      details: Object.fromEntries(parsed.map((p) => [p.factor, p.weight])),
    });
  });
  refresh();
  return {
    ok: true,
    message: "Weights saved.",
    values,
    link: { href: "/council/prioritization", label: "See the prioritization page" },
  };
}

/** Staff pages and the public pages they feed show the saved data on the next render. */
function refresh() {
  revalidatePath("/", "layout");
  void publishSoon("staff-targets");
}
