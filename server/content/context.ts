import "server-only";
// What a staff content use case runs with (the action wrapper's transaction, the signed-in user, an
// audit writer bound to both, a hook for what must wait for the commit), and the step that ends
// most of them: the audit entry, then the public pages' refresh once the change has committed.
import type { ActionContext } from "../action";
import { publicContentChanged } from "../content-changed";

export type ContentContext = Pick<ActionContext<unknown>, "tx" | "user" | "audit" | "afterCommit">;

/** `trigger` names the change in the publication that follows (server/jobs). */
export async function auditPublicChange(
  ctx: ContentContext,
  trigger: string,
  entry: Parameters<ContentContext["audit"]>[0],
): Promise<void> {
  await ctx.audit(entry);
  ctx.afterCommit(() => publicContentChanged(trigger));
}
