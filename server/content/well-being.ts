import "server-only";
// Staff content for the well-being strategy page: a phase's dates and summary, an engagement
// theme. Each write and its audit entry share the caller's transaction; the page follows after the
// commit.
import * as wellBeing from "@/db/queries/staff/well-being";
import { auditPublicChange, type ContentContext } from "./context";

export async function savePhase(ctx: ContentContext, d: Parameters<typeof wellBeing.savePhase>[1]): Promise<void> {
  await wellBeing.savePhase(ctx.tx, d);
  await auditPublicChange(ctx, "staff-well-being", {
    action: "content.strategy_phase.set",
    targetType: "strategy_phase",
    targetId: d.phase,
  });
}

export async function saveTheme(ctx: ContentContext, d: Parameters<typeof wellBeing.saveTheme>[1]) {
  const r = await wellBeing.saveTheme(ctx.tx, d);
  await auditPublicChange(ctx, "staff-well-being", {
    action: "content.engagement_theme.set",
    targetType: "engagement_theme",
    targetId: String(r.id),
    details: { comments: d.comments },
  });
  return r;
}
