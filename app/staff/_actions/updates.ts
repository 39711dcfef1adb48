"use server";
import { revalidatePath } from "next/cache";
import { publishSoon } from "@/server/jobs";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { saveUpdate } from "@/db/queries/staff/content";
import { appendAudit } from "@/server/audit/log";
import { blankToNull, parseForm, type ActionState } from "@/lib/content/action-state";
import { renderMarkdown } from "@/lib/content/markdown";
import { zonedToUtc } from "@/lib/content/zoned-time";
import { city } from "@/lib/config/city";
import { programSlugs, requireStaff } from "./guard";
import { savedUpdateNotice } from "@/lib/content/update-notice";

const updateSchema = z
  .object({
    id: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()),
    title: z
      .string()
      .trim()
      .min(5, "Give the update a title of at least 5 characters")
      .max(160, "Keep the title under 160 characters"),
    program: z.preprocess(blankToNull, z.enum(programSlugs, { error: "Choose a program from the list" }).nullable()),
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
  const g = await requireStaff();
  if ("state" in g) return "";
  return renderMarkdown(String(markdown).slice(0, 50_000));
}

export async function saveUpdateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(updateSchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const publishAt = d.publishAt ? zonedToUtc(d.publishAt, city().timeZone) : null;
  if (d.status === "scheduled" && publishAt && publishAt.getTime() < Date.now()) {
    return {
      ok: false,
      message: "Please correct the fields marked below.",
      errors: { publishAt: ["That time has passed: choose a future time, or publish now"] },
      values: Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<
        string,
        string
      >,
    };
  }
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const saved = await saveUpdate(tx, {
      id: d.id ?? undefined,
      title: d.title,
      summary: d.summary,
      bodyMarkdown: d.bodyMarkdown,
      programSlug: d.program,
      status: d.status,
      publishAt,
      authorUserId: g.user.id,
    });
    if (saved)
      await appendAudit(tx, {
        ...g.actor,
        action: d.id ? "content.update.edit" : "content.update.create",
        targetType: "program_update",
        targetId: String(saved.id),
        details: { status: saved.status, slug: saved.slug },
      });
    return saved;
  });
  if (!row) return { ok: false, message: "That update no longer exists." };
  if (!d.id) redirect(`/staff/updates/${row.id}?saved=${row.status}`);
  refresh();
  return { ok: true, ...savedUpdateNotice(row, new Date(), city().timeZone) };
}

/** Staff pages and the public pages they feed show the saved data on the next render. */
function refresh() {
  revalidatePath("/", "layout");
  void publishSoon("staff-update");
}
