"use server";
// Reviewer and auditor actions. Server actions are public endpoints: each one checks the role
// itself through the DAL before touching anything.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publishSoon } from "@/server/jobs";
import { addReviewAction, closeFinding, openFinding, OUTCOMES, WorkflowError } from "@/server/review/workflow";
import { AuthError, auditActor, requireRole, type Role } from "@/server/auth/dal";
import { parseForm, type ActionState } from "@/lib/content/action-state";
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
const openSchema = z.object({
  ...recordRef,
  findingType: z.string().trim().min(1).max(60),
  note: z.string().trim().min(1, "Describe the finding.").max(4000),
});
const closeSchema = z.object({
  findingId: z.coerce.number().int().positive(),
  outcome: z.enum(OUTCOMES, { message: "Choose an outcome." }),
  note: z.string().trim().min(1, "Explain the outcome.").max(4000),
});

async function guarded(
  roles: Role[],
  fn: (user: Awaited<ReturnType<typeof requireRole>>) => Promise<ActionState>,
): Promise<ActionState> {
  try {
    const user = await requireRole(...roles);
    return await fn(user);
  } catch (e) {
    if (e instanceof AuthError || e instanceof WorkflowError) return { ok: false, message: e.message };
    throw e;
  }
}

export async function reviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(["council", "auditor"], async (user) => {
    const p = parseForm(reviewSchema, formData);
    if ("state" in p) return p.state;
    await addReviewAction(await getDb(), user, await auditActor(user), p.data);
    revalidatePath(`${PATHS[p.data.recordType]}/${p.data.recordId}`);
    const words = {
      reviewed: "Marked as reviewed.",
      explanation_requested: "Explanation requested.",
      note: "Note added.",
    };
    return { ok: true, message: words[p.data.action] };
  });
}

export async function openFindingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(["council", "auditor"], async (user) => {
    const p = parseForm(openSchema, formData);
    if ("state" in p) return p.state;
    const id = await openFinding(await getDb(), user, await auditActor(user), p.data);
    revalidatePath(`${PATHS[p.data.recordType]}/${p.data.recordId}`);
    return {
      ok: true,
      message: `Finding #${id} opened.`,
      link: { href: `/review/findings?status=open`, label: "See open findings" },
    };
  });
}

export async function closeFindingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(["auditor"], async (user) => {
    const p = parseForm(closeSchema, formData);
    if ("state" in p) return p.state;
    await closeFinding(await getDb(), user, await auditActor(user), p.data);
    await publishSoon("finding-closed");
    // No revalidation: the form stays on screen with its confirmation; the next visit shows the closed finding.
    return { ok: true, message: `Finding #${p.data.findingId} closed.` };
  });
}

const bulkSchema = z.object({
  records: z
    .array(z.string().regex(/^(camera_access|alpr_search|drone_flight):\d{1,15}$/))
    .min(1, "Select at least one record.")
    .max(BULK_MAX),
  // Only a review-area address: the filters the reviewer came from.
  back: z
    .string()
    .regex(/^\/review(\?[^\r\n]*)?$/)
    .max(2000)
    .catch("/review?view=records"),
});

/** Mark the selected records reviewed, then return to the same filtered queue with a message. */
export async function bulkReviewAction(formData: FormData): Promise<void> {
  const user = await requireRole("council", "auditor");
  const p = bulkSchema.safeParse({ records: formData.getAll("records"), back: formData.get("back") });
  const back = p.success ? p.data.back : "/review?view=records";
  const clean = back.replace(/[?&](done|bulkError)=[^&]*/g, "");
  const sep = clean.includes("?") ? "&" : "?";
  if (!p.success) redirect(`${clean}${sep}bulkError=${encodeURIComponent("Select at least one record.")}`);
  const records = p.data.records.map((r) => {
    const [recordType, id] = r.split(":");
    return { recordType: recordType as "camera_access" | "alpr_search" | "drone_flight", recordId: Number(id) };
  });
  let n: number;
  try {
    n = await markReviewedMany(await getDb(), user, await auditActor(user), records);
  } catch (e) {
    if (e instanceof WorkflowError) redirect(`${clean}${sep}bulkError=${encodeURIComponent(e.message)}`);
    throw e;
  }
  revalidatePath("/review");
  redirect(`${clean}${sep}done=${n}`);
}
