"use server";
// Reviewer and auditor actions. Each goes through the action wrapper: the role check, the zod
// parse, one transaction in which the step and its audit entry commit together.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publishSoon } from "@/server/jobs";
import { action } from "@/server/action";
import {
  addRecordsToFinding,
  addReviewAction,
  assignFinding,
  closeFinding,
  openFinding,
  OUTCOMES,
  recordExplanation,
  requestExplanation,
  type RecordRef,
} from "@/server/review/workflow";
import { auditActor, requireRole } from "@/server/auth/dal";
import { appendAudit } from "@/server/audit/log";
import type { WorkflowContext } from "@/server/review/workflow";
import { AppError } from "@/lib/errors";
import { city } from "@/lib/config/city";
import { localDate } from "@/lib/time";
import { BULK_MAX, markReviewedMany } from "@/server/review/bulk";

const recordRef = {
  recordType: z.enum(["camera_access", "alpr_search", "drone_flight"]),
  recordId: z.coerce.number().int().positive(),
};
const PATHS = {
  camera_access: "/review/access",
  alpr_search: "/review/alpr",
  drone_flight: "/review/flights",
} as const;
type AuditInput = Parameters<WorkflowContext["audit"]>[0];
const findingId = z.coerce.number().int().positive("Choose a finding.");

const reviewSchema = z
  .object({
    ...recordRef,
    action: z.enum(["reviewed", "explanation_requested", "note"]),
    note: z.string().trim().max(4000).optional().default(""),
  })
  .refine((v) => v.action === "reviewed" || v.note.length > 0, {
    path: ["note"],
    message: "Write what you are asking or noting.",
  });

export const reviewAction = action({ roles: ["council", "auditor"], schema: reviewSchema }, async (ctx) => {
  await addReviewAction(ctx, ctx.data);
  revalidatePath(`${PATHS[ctx.data.recordType]}/${ctx.data.recordId}`);
  const words = {
    reviewed: "Marked as reviewed.",
    explanation_requested: "Explanation requested.",
    note: "Note added.",
  };
  return { ok: true, message: words[ctx.data.action] };
});

const openSchema = z.object({
  ...recordRef,
  findingType: z.string().trim().min(1).max(60),
  note: z.string().trim().min(1, "Describe the finding.").max(4000),
});

export const openFindingAction = action({ roles: ["council", "auditor"], schema: openSchema }, async (ctx) => {
  const { recordType, recordId, findingType, note } = ctx.data;
  const id = await openFinding(ctx, { records: [{ recordType, recordId }], findingType, note });
  revalidatePath(`${PATHS[recordType]}/${recordId}`);
  return {
    ok: true,
    message: `Finding #${id} opened.`,
    link: { href: `/review/findings/${id}`, label: `Go to finding #${id}` },
  };
});

const assignSchema = z.object({ findingId, assigneeId: z.coerce.number().int().positive("Choose a reviewer.") });

export const assignFindingAction = action({ roles: ["council", "auditor"], schema: assignSchema }, async (ctx) => {
  const { assigneeName } = await assignFinding(ctx, ctx.data);
  revalidatePath(`/review/findings/${ctx.data.findingId}`);
  return { ok: true, message: `Finding #${ctx.data.findingId} assigned to ${assigneeName}.` };
});

const requestSchema = z.object({
  findingId,
  request: z.string().trim().min(1, "Write what the agency should explain.").max(4000),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the due date as a date."),
});

export const requestExplanationAction = action(
  { roles: ["council", "auditor"], schema: requestSchema },
  async (ctx) => {
    await requestExplanation(ctx, { ...ctx.data, today: localDate(new Date(), city().timeZone) });
    revalidatePath(`/review/findings/${ctx.data.findingId}`);
    return { ok: true, message: `Explanation requested, due ${ctx.data.dueOn}.` };
  },
);

const explanationSchema = z.object({
  findingId,
  explanation: z.string().trim().min(1, "Write down the agency's explanation.").max(8000),
});

export const recordExplanationAction = action(
  { roles: ["council", "auditor"], schema: explanationSchema },
  async (ctx) => {
    await recordExplanation(ctx, ctx.data);
    revalidatePath(`/review/findings/${ctx.data.findingId}`);
    return { ok: true, message: "Explanation recorded." };
  },
);

const closeSchema = z.object({
  findingId,
  outcome: z.enum(OUTCOMES, { message: "Choose an outcome." }),
  note: z.string().trim().min(1, "Explain the outcome.").max(4000),
  publicSummary: z
    .string()
    .trim()
    .min(20, "Write a summary for residents (at least a sentence).")
    .max(1500, "Keep the public summary under 1,500 characters."),
});

export const closeFindingAction = action({ roles: ["auditor"], schema: closeSchema }, async (ctx) => {
  await closeFinding(ctx, ctx.data);
  // Publication follows within a minute; queued after this transaction would be better, but a
  // publication that runs early only publishes the previous state and the next run catches up.
  await publishSoon("finding-closed");
  // No revalidation: the form stays on screen with its confirmation; the next visit shows the closed finding.
  return { ok: true, message: `Finding #${ctx.data.findingId} closed.` };
});

const recordsField = z
  .array(z.string().regex(/^(camera_access|alpr_search|drone_flight):\d{1,15}$/))
  .min(1, "Select at least one record.")
  .max(BULK_MAX);
// Only a review-area address: the filters the reviewer came from.
const backField = z
  .string()
  .regex(/^\/review(\?[^\r\n]*)?$/)
  .max(2000)
  .catch("/review?view=records");

function toRefs(records: string[]): RecordRef[] {
  return records.map((r) => {
    const [recordType, id] = r.split(":");
    return { recordType: recordType as RecordRef["recordType"], recordId: Number(id) };
  });
}

function backTo(back: string, key: "done" | "bulkError" | "added", value: string): string {
  const clean = back.replace(/[?&](done|bulkError|added)=[^&]*/g, "");
  return `${clean}${clean.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;
}

/** Mark the selected records reviewed, then return to the same filtered queue with a message. */
export async function bulkReviewAction(formData: FormData): Promise<void> {
  const user = await requireRole("council", "auditor");
  const p = z
    .object({ records: recordsField, back: backField })
    .safeParse({ records: formData.getAll("records"), back: formData.get("back") });
  const back = p.success ? p.data.back : backField.parse(formData.get("back"));
  if (!p.success) redirect(backTo(back, "bulkError", "Select at least one record."));
  let n: number;
  try {
    n = await markReviewedMany(await getDb(), user, await auditActor(user), toRefs(p.data.records));
  } catch (e) {
    if (e instanceof AppError) redirect(backTo(back, "bulkError", e.message));
    throw e;
  }
  revalidatePath("/review");
  redirect(backTo(back, "done", String(n)));
}

/**
 * Add the selected records to a finding: an existing one by number, or a new one ("new" with a
 * type and description). Returns to the same filtered queue naming the finding.
 */
export async function bulkAddToFindingAction(formData: FormData): Promise<void> {
  const user = await requireRole("council", "auditor");
  const schema = z.object({
    records: recordsField,
    back: backField,
    finding: z.union([z.literal("new"), findingId]),
    findingType: z.string().trim().max(60).optional(),
    note: z.string().trim().max(4000).optional(),
  });
  const p = schema.safeParse({
    records: formData.getAll("records"),
    back: formData.get("back"),
    finding: formData.get("finding") || undefined,
    findingType: formData.get("findingType") ?? undefined,
    note: formData.get("note") ?? undefined,
  });
  const back = p.success ? p.data.back : backField.parse(formData.get("back"));
  if (!p.success) {
    const noRecords = p.error.issues.some((i) => i.path[0] === "records");
    redirect(backTo(back, "bulkError", noRecords ? "Select at least one record." : "Choose a finding, or a new one."));
  }
  const records = toRefs(p.data.records);
  let id: number;
  try {
    const actor = await auditActor(user);
    const db = await getDb();
    id = await db.transaction(async (tx) => {
      const ctx = { tx, user, audit: (entry: AuditInput) => appendAudit(tx, { ...actor, ...entry }) };
      if (p.data.finding === "new") {
        if (!p.data.note) throw new AppError("bad_request", "Describe the new finding.");
        return openFinding(ctx, { records, findingType: p.data.findingType || "other", note: p.data.note });
      }
      await addRecordsToFinding(ctx, { findingId: p.data.finding, records });
      return p.data.finding;
    });
  } catch (e) {
    if (e instanceof AppError) redirect(backTo(back, "bulkError", e.message));
    throw e;
  }
  revalidatePath("/review");
  redirect(backTo(back, "added", String(id)));
}
