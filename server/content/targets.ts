import "server-only";
// Staff content for the council scorecard and the prioritization page: metric targets, factor
// weights, and the triage of residents' feedback. Each write and its audit entry share the caller's
// transaction; the public pages follow after the commit.
import { setWeight, triageFeedback as saveTriage, upsertTarget } from "@/db/queries/staff/content";
import { recordFeedbackStatus } from "@/db/queries/staff/feedback-history";
import { AppError } from "@/lib/errors";
import { auditPublicChange, type ContentContext } from "./context";

export type TargetInput = Omit<Parameters<typeof upsertTarget>[1], "userId">;

export async function saveTarget(ctx: ContentContext, d: TargetInput) {
  const r = await upsertTarget(ctx.tx, { ...d, userId: ctx.user.id });
  await auditPublicChange(ctx, "staff-targets", {
    action: "content.target.set",
    targetType: "metric_target",
    targetId: r.metricKey,
    details: { target: r.target, unit: r.unit, direction: r.direction },
  });
  return r;
}

/** A status change is kept in the item's history before the item itself changes. */
export async function triageFeedback(ctx: ContentContext, d: Parameters<typeof saveTriage>[1]) {
  await recordFeedbackStatus(ctx.tx, { feedbackId: d.id, status: d.status });
  const row = await saveTriage(ctx.tx, d);
  if (!row) throw new AppError("not_found", "That feedback no longer exists.");
  await auditPublicChange(ctx, "staff-targets", {
    action: "feedback.triage",
    targetType: "feedback",
    targetId: String(row.id),
    details: { status: d.status },
  });
  return row;
}

/** All factors' weights at once, audited as one change. */
export async function saveWeights(ctx: ContentContext, weights: Array<{ factor: string; weight: number }>) {
  for (const w of weights) await setWeight(ctx.tx, w);
  await auditPublicChange(ctx, "staff-targets", {
    action: "content.weights.set",
    targetType: "prioritization_weights",
    details: Object.fromEntries(weights.map((w) => [w.factor, w.weight])),
  });
}
