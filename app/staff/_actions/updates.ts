"use server";
import { saveUpdate } from "@/db/queries/staff/content";
import { action, redirectAfterCommit } from "@/server/action";
import { publicContentChanged } from "@/server/content-changed";
import { requireRole } from "@/server/auth/dal";
import { formValues } from "@/lib/content/action-state";
import { updateSchema } from "@/lib/content/update-form";
import { renderMarkdown } from "@/lib/content/markdown";
import { zonedToUtc } from "@/lib/time";
import { city } from "@/lib/config/city";
import { AppError } from "@/lib/errors";
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
  const d = ctx.data;
  const publishAt = d.publishAt ? zonedToUtc(d.publishAt, city().timeZone) : null;
  if (d.status === "scheduled" && publishAt && publishAt.getTime() < Date.now()) {
    return {
      ok: false,
      message: "Please correct the fields marked below.",
      errors: { publishAt: ["That time has passed: choose a future time, or publish now"] },
      values: formValues(ctx.formData),
    };
  }
  const row = await saveUpdate(ctx.tx, {
    id: d.id ?? undefined,
    title: d.title,
    summary: d.summary,
    bodyMarkdown: d.bodyMarkdown,
    titleEs: d.titleEs,
    summaryEs: d.summaryEs,
    bodyMarkdownEs: d.bodyMarkdownEs,
    programSlug: d.program,
    status: d.status,
    publishAt,
    authorUserId: ctx.user.id,
  });
  if (!row) throw new AppError("not_found", "That update no longer exists.");
  await ctx.audit({
    action: d.id ? "content.update.edit" : "content.update.create",
    targetType: "program_update",
    targetId: String(row.id),
    details: { status: row.status, slug: row.slug, spanish: row.titleEs !== null },
  });
  ctx.afterCommit(() => publicContentChanged("staff-update"));
  if (!d.id) redirectAfterCommit(ctx, `/staff/updates/${row.id}?saved=${row.status}`);
  return { ok: true, ...savedUpdateNotice(row, new Date(), city().timeZone) };
});

/** Staff pages and the public pages they feed show the saved data on the next render. */
