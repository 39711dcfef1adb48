import "server-only";
// Staff updates: a draft, a scheduled or a published update, in English and optionally Spanish.
// The write and its audit entry share the caller's transaction; the public pages follow after the
// commit.
import { saveUpdate as writeUpdate, type UpdateInput as UpdateFields } from "@/db/queries/staff/content";
import { city } from "@/lib/config/city";
import { AppError } from "@/lib/errors";
import { zonedToUtc } from "@/lib/time";
import type { ProgramSlug } from "@/lib/vocab";
import { refused, type Refused } from "@/lib/content/action-state";
import { auditPublicChange, type ContentContext } from "./context";

export type UpdateInput = Omit<UpdateFields, "programSlug" | "publishAt"> & {
  /** Edits that update (AppError when it no longer exists); null adds one. */
  id: number | null;
  program: ProgramSlug | null;
  /** Wall time in the city's time zone ("2026-05-01T09:00"), or null. */
  publishAt: string | null;
};

/** The saved update, or the refusal of a schedule already in the past (for its form field). */
export async function saveUpdate(
  ctx: ContentContext,
  d: UpdateInput,
  now = new Date(),
): Promise<Refused | { row: NonNullable<Awaited<ReturnType<typeof writeUpdate>>> }> {
  const publishAt = d.publishAt ? zonedToUtc(d.publishAt, city().timeZone) : null;
  if (d.status === "scheduled" && publishAt && publishAt.getTime() < now.getTime())
    return refused("publishAt", "That time has passed: choose a future time, or publish now");
  const row = await writeUpdate(ctx.tx, {
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
  await auditPublicChange(ctx, "staff-update", {
    action: d.id ? "content.update.edit" : "content.update.create",
    targetType: "program_update",
    targetId: String(row.id),
    details: { status: row.status, slug: row.slug, spanish: row.titleEs !== null },
  });
  return { row };
}
