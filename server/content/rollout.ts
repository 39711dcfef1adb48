import "server-only";
// The council's rollout decision: which areas, what stage, why, and the vote, with its audit entry
// in the caller's transaction. An unknown technology or area is refused and nothing is written.
import { recordRolloutDecision, type RolloutDecisionInput } from "@/db/queries/staff/rollout";
import { AppError } from "@/lib/errors";
import { auditPublicChange, type ContentContext } from "./context";

export type RolloutInput = Omit<RolloutDecisionInput, "areaSlugs" | "userId"> & { areas: string[] };

export async function recordRollout(ctx: ContentContext, d: RolloutInput): Promise<{ voteId: number }> {
  const { areas, ...rest } = d;
  const r = await recordRolloutDecision(ctx.tx, { ...rest, areaSlugs: areas, userId: ctx.user.id });
  if ("error" in r) throw new AppError("bad_request", r.error);
  await auditPublicChange(ctx, "staff-rollout", {
    action: "content.rollout_decision.record",
    targetType: "council_vote",
    targetId: String(r.voteId),
    details: { program: d.program, areas, status: d.status, result: d.result },
  });
  return r;
}
