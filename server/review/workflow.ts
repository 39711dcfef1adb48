import "server-only";
// Reviewer actions on flagged records and the finding lifecycle. Each change and its audit
// entry commit together.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { alprSearches, cameraAccessEvents, droneFlights, findings, reviewActions } from "../../db/schema";
import { appendAudit, type AuditEntry } from "../audit/log";
import type { SessionUser } from "../../lib/auth/roles";
import type { RecordType } from "../../db/queries/review/common";

export type Actor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">;
export class WorkflowError extends Error {}

const TABLES = { camera_access: cameraAccessEvents, alpr_search: alprSearches, drone_flight: droneFlights } as const;

async function assertRecord(db: DbOrTx, recordType: RecordType, recordId: number) {
  const t = TABLES[recordType];
  const [row] = await db.select({ id: t.id }).from(t).where(eq(t.id, recordId));
  if (!row) throw new WorkflowError("That record does not exist.");
}

export async function addReviewAction(
  db: DbOrTx,
  user: SessionUser,
  actor: Actor,
  a: { recordType: RecordType; recordId: number; action: "reviewed" | "explanation_requested" | "note"; note?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await assertRecord(tx, a.recordType, a.recordId);
    await tx.insert(reviewActions).values({
      recordType: a.recordType,
      recordId: a.recordId,
      action: a.action,
      note: a.note || null,
      userId: user.id,
    });
    await appendAudit(tx, {
      ...actor,
      action: `review.${a.action}`,
      targetType: a.recordType,
      targetId: String(a.recordId),
      details: a.note ? { note: a.note } : {},
    });
  });
}

export async function openFinding(
  db: DbOrTx,
  user: SessionUser,
  actor: Actor,
  a: { recordType: RecordType; recordId: number; findingType: string; note: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await assertRecord(tx, a.recordType, a.recordId);
    const [existing] = await tx
      .select({ id: findings.id })
      .from(findings)
      .where(
        and(
          eq(findings.recordType, a.recordType),
          eq(findings.recordId, a.recordId),
          eq(findings.findingType, a.findingType),
          eq(findings.status, "open"),
        ),
      );
    if (existing) throw new WorkflowError(`Finding #${existing.id} of this type is already open on this record.`);
    const [f] = await tx
      .insert(findings)
      .values({
        recordType: a.recordType,
        recordId: a.recordId,
        findingType: a.findingType,
        note: a.note,
        openedBy: user.id,
      })
      .returning({ id: findings.id });
    await tx.insert(reviewActions).values({
      recordType: a.recordType,
      recordId: a.recordId,
      action: "finding_opened",
      note: a.note,
      userId: user.id,
    });
    await appendAudit(tx, {
      ...actor,
      action: "finding.open",
      targetType: "finding",
      targetId: String(f.id),
      details: { recordType: a.recordType, recordId: a.recordId, findingType: a.findingType, note: a.note },
    });
    return f.id;
  });
}

export const OUTCOMES = [
  "no_violation",
  "policy_violation",
  "training_required",
  "referred_for_discipline",
  "data_error",
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  no_violation: "No violation",
  policy_violation: "Policy violation",
  training_required: "Training required",
  referred_for_discipline: "Referred for discipline",
  data_error: "Data error",
};

export async function closeFinding(
  db: DbOrTx,
  user: SessionUser,
  actor: Actor,
  a: { findingId: number; outcome: Outcome; note: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [f] = await tx.select().from(findings).where(eq(findings.id, a.findingId));
    if (!f) throw new WorkflowError("That finding does not exist.");
    if (f.status === "closed") throw new WorkflowError(`Finding #${f.id} is already closed.`);
    await tx
      .update(findings)
      .set({ status: "closed", closedBy: user.id, closedAt: new Date(), outcome: a.outcome, outcomeNote: a.note })
      .where(eq(findings.id, f.id));
    await tx.insert(reviewActions).values({
      recordType: f.recordType,
      recordId: f.recordId,
      action: "finding_closed",
      note: `${OUTCOME_LABELS[a.outcome]}: ${a.note}`,
      userId: user.id,
    });
    await appendAudit(tx, {
      ...actor,
      action: "finding.close",
      targetType: "finding",
      targetId: String(f.id),
      details: { outcome: a.outcome, note: a.note },
    });
  });
}
