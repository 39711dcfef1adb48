// A complaint's status history: staff's triage records each change of status with its time, in
// the same transaction and before the change (nothing when the status stays), the rows cannot be
// rewritten, and the public page's steps come from them, without the resident's words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { feedback } from "../../db/schema";
import { complaintStatusChanges } from "../../db/queries/public/complaint-history";
import { complaintsAbout, publicComplaint } from "../../db/queries/public/complaints";
import { triageFeedback } from "../../db/queries/staff/content";
import { recordFeedbackStatus } from "../../db/queries/staff/feedback-history";
import { statusHistory } from "../../lib/content/complaint-status";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
let id: number;
const WORDS = "The operator zoomed into my window at 3 Canary Court";

/** What the staff action does, in one transaction. */
const triage = (status: "triaged" | "in_progress" | "resolved" | "dismissed" | "new", outcome: string | null = null) =>
  t.db.transaction(async (tx) => {
    await recordFeedbackStatus(tx, { feedbackId: id, status });
    await triageFeedback(tx, { id, status, outcome });
  });

beforeAll(async () => {
  t = await createTestDb();
  [{ id }] = await t.db
    .insert(feedback)
    .values({ kind: "complaint", targetType: "access", targetRef: "acc-0123456789ab", body: WORDS })
    .returning({ id: feedback.id });
});
afterAll(async () => {
  await t?.close();
});

describe(`complaint status history (${dbMode})`, () => {
  it("records each status change once, in order, and the public steps show them with dates", async () => {
    await triage("triaged");
    await triage("triaged"); // saved again without a change: no new step
    await triage("in_progress");
    await triage("resolved", "The access had a case number; the operator's supervisor confirmed it.");
    const changes = await complaintStatusChanges({ db: t.db, id });
    expect(changes.map((c) => c.status)).toEqual(["triaged", "in_progress", "resolved"]);
    const c = (await publicComplaint({ db: t.db, id }))!;
    const steps = statusHistory(c, changes);
    expect(steps.map((s) => [s.label, s.current])).toEqual([
      ["Received", false],
      ["Triaged", false],
      ["Being looked into", false],
      ["Resolved", true],
    ]);
    expect(steps.every((s) => s.at instanceof Date)).toBe(true);
    expect(c.outcome).toMatch(/case number/);
    expect(JSON.stringify([c, changes])).not.toContain("Canary");
    // The record's page lists it with its status.
    const about = await complaintsAbout({ db: t.db, targetType: "access", targetRef: "acc-0123456789ab" });
    expect(about.map((a) => [a.id, a.status])).toEqual([[id, "resolved"]]);
  });

  it("a change of status is never rewritten", async () => {
    const err = await t.db
      .execute(sql`update feedback_status_changes set status = 'new' where feedback_id = ${id}`)
      .then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
      );
    expect(err).toMatch(/append-only/);
    expect((await complaintStatusChanges({ db: t.db, id })).at(-1)?.status).toBe("resolved");
  });

  it("a message triaged before changes were recorded still shows received and resolved", async () => {
    const [old] = await t.db
      .insert(feedback)
      .values({
        kind: "complaint",
        targetType: "general",
        body: "x",
        status: "resolved",
        outcome: "Done",
        createdAt: new Date("2026-03-01T10:00:00Z"),
        resolvedAt: new Date("2026-03-09T10:00:00Z"),
      })
      .returning();
    expect(await complaintStatusChanges({ db: t.db, id: old.id })).toEqual([]);
    expect(statusHistory(old, []).map((s) => s.label)).toEqual(["Received", "Resolved"]);
    await t.db.delete(feedback).where(eq(feedback.id, old.id));
  });
});
