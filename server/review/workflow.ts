import "server-only";
// Reviewer actions on flagged records and the finding lifecycle:
//   open → assigned (to a named reviewer) → explanation requested (of the agency, with a due date)
//   → explanation received → closed (an outcome from a fixed list and a summary for residents).
// A finding may also be closed straight from "assigned" when no explanation is needed. Each use
// case runs inside the caller's transaction (the action wrapper's `tx`) and writes its audit
// entry there, so a step and its audit entry commit together. Refusals are AppErrors.
import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  alprSearches,
  cameraAccessEvents,
  droneFlights,
  findingRecords,
  findings,
  reviewActions,
  users,
} from "../../db/schema";
import type { AuditEntry } from "../audit/log";
import type { SessionUser } from "../../lib/auth/roles";
import type { RecordType } from "../../db/queries/review/common";
import { refreshReviewQueueState } from "../../db/queries/review/queue-summary";
import { AppError } from "../../lib/errors";
import {
  FINDING_OUTCOME_LABELS,
  FINDING_OUTCOMES,
  FINDING_STATUS_LABELS,
  type FindingOutcome,
  type FindingStatus,
} from "../../lib/vocab";

export type Actor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">;
/** What every use case needs: the transaction, the signed-in user and an audit writer bound to both. */
export type WorkflowContext = {
  tx: DbOrTx;
  user: SessionUser;
  audit(entry: Omit<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">): Promise<void>;
};
export type RecordRef = { recordType: RecordType; recordId: number };

export const OUTCOMES = FINDING_OUTCOMES;
export type Outcome = FindingOutcome;
export const OUTCOME_LABELS = FINDING_OUTCOME_LABELS;
/** Roles that can be named as a finding's reviewer. */
export const REVIEWER_ROLES = ["council", "auditor"] as const;

/** Which step may follow which. Closing needs a named reviewer, and never waits on the agency. */
export const NEXT_STEPS: Record<FindingStatus, readonly FindingStatus[]> = {
  open: ["assigned"],
  assigned: ["assigned", "explanation_requested", "closed"],
  explanation_requested: ["explanation_received"],
  explanation_received: ["closed"],
  closed: [],
};

const TABLES = { camera_access: cameraAccessEvents, alpr_search: alprSearches, drone_flight: droneFlights } as const;

async function assertRecords(tx: DbOrTx, records: RecordRef[]) {
  for (const type of Object.keys(TABLES) as RecordType[]) {
    const ids = [...new Set(records.filter((r) => r.recordType === type).map((r) => r.recordId))];
    if (ids.length === 0) continue;
    const t = TABLES[type];
    const found = await tx.select({ id: t.id }).from(t).where(inArray(t.id, ids));
    if (found.length !== ids.length)
      throw new AppError(
        "not_found",
        ids.length === 1 ? "That record does not exist." : "Some records no longer exist.",
      );
  }
}

async function loadFinding(tx: DbOrTx, id: number) {
  const [f] = await tx.select().from(findings).where(eq(findings.id, id)).for("update");
  if (!f) throw new AppError("not_found", `Finding #${id} does not exist.`);
  return f;
}

function assertStep(f: { id: number; status: FindingStatus }, to: FindingStatus, what: string) {
  if (!NEXT_STEPS[f.status].includes(to))
    throw new AppError(
      "conflict",
      `Finding #${f.id} is ${FINDING_STATUS_LABELS[f.status].toLowerCase()}: it cannot be ${what} now.`,
    );
}

async function recordsOf(tx: DbOrTx, findingId: number): Promise<RecordRef[]> {
  return tx
    .select({ recordType: findingRecords.recordType, recordId: findingRecords.recordId })
    .from(findingRecords)
    .where(eq(findingRecords.findingId, findingId));
}

export async function addReviewAction(
  ctx: WorkflowContext,
  a: RecordRef & { action: "reviewed" | "explanation_requested" | "note"; note?: string },
): Promise<void> {
  await assertRecords(ctx.tx, [a]);
  await ctx.tx.insert(reviewActions).values({
    recordType: a.recordType,
    recordId: a.recordId,
    action: a.action,
    note: a.note || null,
    userId: ctx.user.id,
  });
  if (a.action !== "note") await refreshReviewQueueState(ctx.tx, [a]);
  await ctx.audit({
    action: `review.${a.action}`,
    targetType: a.recordType,
    targetId: String(a.recordId),
    details: a.note ? { note: a.note } : {},
  });
}

/** Opens a finding on one or more records; the first is the one it is filed under. */
export async function openFinding(
  ctx: WorkflowContext,
  a: { records: RecordRef[]; findingType: string; note: string },
): Promise<number> {
  const [first] = a.records;
  if (!first) throw new AppError("bad_request", "Choose at least one record for the finding.");
  await assertRecords(ctx.tx, a.records);
  const [existing] = await ctx.tx
    .select({ id: findings.id })
    .from(findings)
    .where(
      and(
        eq(findings.recordType, first.recordType),
        eq(findings.recordId, first.recordId),
        eq(findings.findingType, a.findingType),
        ne(findings.status, "closed"),
      ),
    );
  if (existing) throw new AppError("conflict", `Finding #${existing.id} of this type is already open on this record.`);
  const [f] = await ctx.tx
    .insert(findings)
    .values({ ...first, findingType: a.findingType, note: a.note, openedBy: ctx.user.id })
    .returning({ id: findings.id });
  await linkRecords(ctx, f.id, a.records, "finding_opened", a.note);
  await ctx.audit({
    action: "finding.open",
    targetType: "finding",
    targetId: String(f.id),
    details: {
      records: a.records.map((r) => `${r.recordType}:${r.recordId}`),
      findingType: a.findingType,
      note: a.note,
    },
  });
  return f.id;
}

async function linkRecords(
  ctx: WorkflowContext,
  findingId: number,
  records: RecordRef[],
  kind: "finding_opened" | "note",
  note: string,
): Promise<number> {
  const added = await ctx.tx
    .insert(findingRecords)
    .values(records.map((r) => ({ findingId, ...r, addedBy: ctx.user.id })))
    .onConflictDoNothing()
    .returning({ recordType: findingRecords.recordType, recordId: findingRecords.recordId });
  if (added.length > 0)
    await ctx.tx
      .insert(reviewActions)
      .values(added.map((r) => ({ ...r, action: kind, note: `Finding #${findingId}: ${note}`, userId: ctx.user.id })));
  if (kind !== "note" && added.length > 0) await refreshReviewQueueState(ctx.tx, added);
  return added.length;
}

/** Adds records (e.g. the queue's selection) to a finding that is not closed. Returns how many were new. */
export async function addRecordsToFinding(
  ctx: WorkflowContext,
  a: { findingId: number; records: RecordRef[] },
): Promise<number> {
  if (a.records.length === 0) throw new AppError("bad_request", "Select at least one record.");
  const f = await loadFinding(ctx.tx, a.findingId);
  if (f.status === "closed") throw new AppError("conflict", `Finding #${f.id} is closed: records cannot be added.`);
  await assertRecords(ctx.tx, a.records);
  const n = await linkRecords(ctx, f.id, a.records, "note", "added to this finding");
  await ctx.audit({
    action: "finding.add_records",
    targetType: "finding",
    targetId: String(f.id),
    details: { added: n, records: a.records.map((r) => `${r.recordType}:${r.recordId}`) },
  });
  return n;
}

export async function assignFinding(
  ctx: WorkflowContext,
  a: { findingId: number; assigneeId: number },
): Promise<{ assigneeName: string }> {
  const f = await loadFinding(ctx.tx, a.findingId);
  assertStep(f, "assigned", "assigned");
  const [u] = await ctx.tx
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, a.assigneeId));
  if (!u || !(REVIEWER_ROLES as readonly string[]).includes(u.role))
    throw new AppError("bad_request", "Choose a council reviewer or auditor to assign the finding to.");
  await ctx.tx
    .update(findings)
    .set({ status: "assigned", assignedTo: u.id, assignedAt: new Date() })
    .where(eq(findings.id, f.id));
  await ctx.audit({
    action: "finding.assign",
    targetType: "finding",
    targetId: String(f.id),
    details: { assigneeId: u.id, from: f.status },
  });
  return { assigneeName: u.name };
}

/** `today` is the request's local date (YYYY-MM-DD); the due date may not be before it. */
export async function requestExplanation(
  ctx: WorkflowContext,
  a: { findingId: number; request: string; dueOn: string; today: string },
): Promise<void> {
  const f = await loadFinding(ctx.tx, a.findingId);
  assertStep(f, "explanation_requested", "sent to the agency for an explanation");
  if (a.dueOn < a.today) throw new AppError("bad_request", "The due date has already passed: choose today or later.");
  await ctx.tx
    .update(findings)
    .set({
      status: "explanation_requested",
      explanationRequest: a.request,
      explanationDueOn: a.dueOn,
      explanationRequestedAt: new Date(),
    })
    .where(eq(findings.id, f.id));
  const recs = await recordsOf(ctx.tx, f.id);
  for (const r of recs)
    await ctx.tx.insert(reviewActions).values({
      ...r,
      action: "explanation_requested",
      note: `Finding #${f.id}, due ${a.dueOn}: ${a.request}`,
      userId: ctx.user.id,
    });
  await refreshReviewQueueState(ctx.tx, recs);
  await ctx.audit({
    action: "finding.request_explanation",
    targetType: "finding",
    targetId: String(f.id),
    details: { dueOn: a.dueOn, request: a.request },
  });
}

export async function recordExplanation(
  ctx: WorkflowContext,
  a: { findingId: number; explanation: string },
): Promise<void> {
  const f = await loadFinding(ctx.tx, a.findingId);
  assertStep(f, "explanation_received", "given an explanation");
  await ctx.tx
    .update(findings)
    .set({ status: "explanation_received", explanation: a.explanation, explanationReceivedAt: new Date() })
    .where(eq(findings.id, f.id));
  await ctx.audit({
    action: "finding.record_explanation",
    targetType: "finding",
    targetId: String(f.id),
    details: { explanation: a.explanation },
  });
}

export async function closeFinding(
  ctx: WorkflowContext,
  a: { findingId: number; outcome: Outcome; note: string; publicSummary: string },
): Promise<void> {
  const f = await loadFinding(ctx.tx, a.findingId);
  assertStep(f, "closed", "closed");
  await ctx.tx
    .update(findings)
    .set({
      status: "closed",
      closedBy: ctx.user.id,
      closedAt: new Date(),
      outcome: a.outcome,
      outcomeNote: a.note,
      publicSummary: a.publicSummary,
    })
    .where(eq(findings.id, f.id));
  const recs = await recordsOf(ctx.tx, f.id);
  if (recs.length > 0)
    await ctx.tx.insert(reviewActions).values(
      recs.map((r) => ({
        ...r,
        action: "finding_closed" as const,
        note: `Finding #${f.id}: ${OUTCOME_LABELS[a.outcome]}: ${a.note}`,
        userId: ctx.user.id,
      })),
    );
  await refreshReviewQueueState(ctx.tx, recs);
  await ctx.audit({
    action: "finding.close",
    targetType: "finding",
    targetId: String(f.id),
    details: { outcome: a.outcome, note: a.note, publicSummary: a.publicSummary },
  });
}
