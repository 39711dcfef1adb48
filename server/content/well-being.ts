import "server-only";
// Staff content for the well-being strategy page: a phase's dates and summary, an engagement
// theme. Each write and its audit entry share the caller's transaction; the page follows after the
// commit.
import * as wellBeing from "@/db/queries/staff/well-being";
import { publicContentChanged } from "../content-changed";
import type { ContentContext } from "./context";

const changed = (ctx: ContentContext) => ctx.afterCommit(() => publicContentChanged("staff-well-being"));

export async function savePhase(ctx: ContentContext, d: Parameters<typeof wellBeing.savePhase>[1]): Promise<void> {
  await wellBeing.savePhase(ctx.tx, d);
  await ctx.audit({ action: "content.strategy_phase.set", targetType: "strategy_phase", targetId: d.phase });
  changed(ctx);
}

export async function saveTheme(ctx: ContentContext, d: Parameters<typeof wellBeing.saveTheme>[1]) {
  const r = await wellBeing.saveTheme(ctx.tx, d);
  await ctx.audit({
    action: "content.engagement_theme.set",
    targetType: "engagement_theme",
    targetId: String(r.id),
    details: { comments: d.comments },
  });
  changed(ctx);
  return r;
}
