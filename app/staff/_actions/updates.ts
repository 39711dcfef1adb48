"use server";
import { revalidatePath } from "next/cache";
import { publishSoon } from "@/server/jobs";
import { z } from "zod";
import { saveUpdate } from "@/db/queries/staff/content";
import { action, redirectAfterCommit } from "@/server/action";
import { requireRole } from "@/server/auth/dal";
import { blankToNull, formValues } from "@/lib/content/action-state";
import { renderMarkdown } from "@/lib/content/markdown";
import { zonedToUtc } from "@/lib/time";
import { city } from "@/lib/config/city";
import { PROGRAM_SLUGS } from "@/lib/vocab";
import { AppError } from "@/lib/errors";
import { savedUpdateNotice } from "@/lib/content/update-notice";

const updateSchema = z
  .object({
    id: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()),
    title: z
      .string()
      .trim()
      .min(5, "Give the update a title of at least 5 characters")
      .max(160, "Keep the title under 160 characters"),
    program: z.preprocess(blankToNull, z.enum(PROGRAM_SLUGS, { error: "Choose a program from the list" }).nullable()),
    summary: z.string().trim().max(300, "Keep the summary under 300 characters").default(""),
    bodyMarkdown: z
      .string()
      .trim()
      .min(20, "Write at least 20 characters")
      .max(50_000, "The update is too long (50,000 characters at most)"),
    status: z.enum(["draft", "scheduled", "published"], { error: "Choose save as draft, schedule, or publish now" }),
    publishAt: z.preprocess(
      blankToNull,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "Use the date and time picker")
        .nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.status === "scheduled" && !v.publishAt)
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose when a scheduled update goes public" });
  });

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
    details: { status: row.status, slug: row.slug },
  });
  ctx.afterCommit(refresh);
  if (!d.id) redirectAfterCommit(ctx, `/staff/updates/${row.id}?saved=${row.status}`);
  return { ok: true, ...savedUpdateNotice(row, new Date(), city().timeZone) };
});

/** Staff pages and the public pages they feed show the saved data on the next render. */
function refresh() {
  revalidatePath("/", "layout");
  void publishSoon("staff-update");
}
