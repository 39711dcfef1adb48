"use server";
import { action, redirectAfterCommit } from "@/server/action";
import { requireRole } from "@/server/auth/dal";
import { saveUpdate } from "@/server/content/updates";
import { refusedState } from "@/lib/content/action-state";
import { updateSchema } from "@/lib/content/update-form";
import { renderMarkdown } from "@/lib/content/markdown";
import { city } from "@/lib/config/city";
import { savedUpdateNotice } from "@/lib/content/update-notice";

/** Live preview: the same sanitizing pipeline readers get. */
export async function previewMarkdown(markdown: string): Promise<string> {
  try {
    await requireRole("staff", "admin");
  } catch {
    return "";
  }
  return renderMarkdown(String(markdown).slice(0, 50_000));
}

export const saveUpdateAction = action({ roles: ["staff", "admin"], schema: updateSchema }, async (ctx) => {
  const r = await saveUpdate(ctx, ctx.data);
  if ("refused" in r) return refusedState(r, ctx.formData);
  if (!ctx.data.id) redirectAfterCommit(ctx, `/staff/updates/${r.row.id}?saved=${r.row.status}`);
  return { ok: true, ...savedUpdateNotice(r.row, new Date(), city().timeZone) };
});
