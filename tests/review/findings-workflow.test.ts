// The finding lifecycle against a real database: open on several records → assigned to a named
// reviewer → explanation requested with a due date → received → closed with an outcome and a
// public summary. Invalid steps are refused with an AppError; every step writes its audit entry
// in the same transaction (a refused step leaves neither change nor entry).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { agencies, auditLog, cameraAccessEvents, cameras, findingRecords, findings, personnel } from "../../db/schema";
import {
  addRecordsToFinding,
  assignFinding,
  closeFinding,
  openFinding,
  recordExplanation,
  requestExplanation,
  type WorkflowContext,
} from "../../server/review/workflow";
import { AppError } from "../../lib/errors";
import type { SessionUser } from "../../lib/auth/roles";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { addUsers, workflowStep } from "../helpers/findings";
import { runPublishers } from "../helpers/publish";
import { findingsPublisher } from "../../server/publish/findings";
import { rules } from "../../lib/publish/rules";
import { publicId } from "../../lib/publish/rules/public-id";
import { pubFindingRecords, pubFindings } from "../../db/schema";

let t: TestDb;
let auditor: SessionUser;
let reviewer: SessionUser;
let staff: SessionUser;
let recordIds: number[];

const step = <R>(user: SessionUser, fn: (ctx: WorkflowContext) => Promise<R>) => workflowStep(t.db, user, fn);
const refs = (ids: number[]) => ids.map((recordId) => ({ recordType: "camera_access" as const, recordId }));
const audits = async (id: number) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(id)))
      .orderBy(asc(auditLog.id))
  )
    .filter((a) => a.targetType === "finding")
    .map((a) => a.action);
const status = async (id: number) => (await t.db.select().from(findings).where(eq(findings.id, id)))[0];
// Relative to the real clock on purpose: the due date only has to be today or later.
const today = new Date().toISOString().slice(0, 10);

async function expectRefused(p: Promise<unknown>, code: string, words: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(words);
}

beforeAll(async () => {
  t = await createTestDb();
  [auditor, reviewer, staff] = await addUsers(t.db, [
    { email: "aud@example.org", name: "Ada Auditor", role: "auditor" },
    { email: "rev@example.org", name: "Rex Reviewer", role: "council" },
    { email: "staff@example.org", name: "Sam Staff", role: "staff" },
  ]);
  const [home] = await t.db.insert(agencies).values({ name: "Home", nameKey: "home", kind: "county" }).returning();
  const [p] = await t.db
    .insert(personnel)
    .values({ displayName: "Op One", nameKey: "op one", agencyId: home.id, role: "watch_center_operator" })
    .returning();
  const [cam] = await t.db
    .insert(cameras)
    .values({ name: "Main", nameKey: "main", kind: "fixed", owner: "city", siteName: "Main", lat: 33.9, lon: -118.36 })
    .returning();
  const at = new Date(Date.UTC(2026, 2, 10, 19));
  const rows = await t.db
    .insert(cameraAccessEvents)
    .values(
      [1, 2, 3].map((n) => ({
        source: "t",
        externalId: `w${n}`,
        personnelId: p.id,
        agencyId: home.id,
        userRole: "watch_center_operator",
        cameraId: cam.id,
        operation: "live_view" as const,
        startedAt: at,
        endedAt: at,
        reasonText: "check",
        caseNumber: null,
      })),
    )
    .returning({ id: cameraAccessEvents.id });
  recordIds = rows.map((r) => r.id);
});
afterAll(async () => {
  await t?.close();
});

describe(`finding workflow (${dbMode})`, () => {
  it("walks open → assigned → explanation requested → received → closed, auditing each step", async () => {
    const id = await step(reviewer, (c) =>
      openFinding(c, { records: refs(recordIds.slice(0, 2)), findingType: "vague_reason", note: "Same boilerplate" }),
    );
    expect(await t.db.select().from(findingRecords).where(eq(findingRecords.findingId, id))).toHaveLength(2);
    expect(await step(reviewer, (c) => addRecordsToFinding(c, { findingId: id, records: refs(recordIds) }))).toBe(1);

    await step(auditor, (c) => assignFinding(c, { findingId: id, assigneeId: reviewer.id }));
    expect((await status(id)).assignedTo).toBe(reviewer.id);
    await step(reviewer, (c) =>
      requestExplanation(c, { findingId: id, request: "Why no case?", dueOn: "2999-01-31", today }),
    );
    expect((await status(id)).explanationDueOn).toBe("2999-01-31");
    await step(reviewer, (c) => recordExplanation(c, { findingId: id, explanation: "Training gap" }));
    await step(auditor, (c) =>
      closeFinding(c, {
        findingId: id,
        outcome: "policy_violation_training",
        note: "Operator retrained",
        publicSummary: "Three camera views had no stated reason; the operator was retrained.",
      }),
    );
    const f = await status(id);
    expect(f.status).toBe("closed");
    expect(f.outcome).toBe("policy_violation_training");
    expect(f.publicSummary).toMatch(/retrained/);
    expect(await audits(id)).toEqual([
      "finding.open",
      "finding.add_records",
      "finding.assign",
      "finding.request_explanation",
      "finding.record_explanation",
      "finding.close",
    ]);
  });

  it("refuses steps out of order with an AppError and writes nothing", async () => {
    const id = await step(reviewer, (c) =>
      openFinding(c, { records: refs([recordIds[2]]), findingType: "other", note: "Odd hour" }),
    );
    // Not assigned yet: no explanation request, no explanation, no closing.
    await expectRefused(
      step(reviewer, (c) => requestExplanation(c, { findingId: id, request: "Why?", dueOn: "2999-01-01", today })),
      "conflict",
      /is open: it cannot be sent to the agency/,
    );
    await expectRefused(
      step(auditor, (c) =>
        closeFinding(c, {
          findingId: id,
          outcome: "no_violation",
          note: "n",
          publicSummary: "Nothing wrong here at all.",
        }),
      ),
      "conflict",
      /cannot be closed now/,
    );
    // Only reviewers can be assigned.
    await expectRefused(
      step(auditor, (c) => assignFinding(c, { findingId: id, assigneeId: staff.id })),
      "bad_request",
      /council reviewer or auditor/,
    );
    await step(auditor, (c) => assignFinding(c, { findingId: id, assigneeId: auditor.id }));
    await expectRefused(
      step(reviewer, (c) => recordExplanation(c, { findingId: id, explanation: "x" })),
      "conflict",
      /cannot be given an explanation/,
    );
    await expectRefused(
      step(reviewer, (c) => requestExplanation(c, { findingId: id, request: "Why?", dueOn: "2000-01-01", today })),
      "bad_request",
      /already passed/,
    );
    // While waiting on the agency it cannot be closed.
    await step(reviewer, (c) => requestExplanation(c, { findingId: id, request: "Why?", dueOn: "2999-01-01", today }));
    await expectRefused(
      step(auditor, (c) =>
        closeFinding(c, {
          findingId: id,
          outcome: "no_violation",
          note: "n",
          publicSummary: "Nothing wrong here at all.",
        }),
      ),
      "conflict",
      /explanation requested: it cannot be closed/,
    );
    expect(await audits(id)).toEqual(["finding.open", "finding.assign", "finding.request_explanation"]);
    expect((await status(id)).status).toBe("explanation_requested");
  });

  it("closes from assigned without an explanation, then refuses anything more", async () => {
    const id = await step(reviewer, (c) =>
      openFinding(c, { records: refs([recordIds[0]]), findingType: "data", note: "Clock skew" }),
    );
    await step(auditor, (c) => assignFinding(c, { findingId: id, assigneeId: reviewer.id }));
    await step(auditor, (c) =>
      closeFinding(c, { findingId: id, outcome: "data_quality", note: "n", publicSummary: "A clock was set wrong." }),
    );
    await expectRefused(
      step(reviewer, (c) => addRecordsToFinding(c, { findingId: id, records: refs([recordIds[1]]) })),
      "conflict",
      /is closed/,
    );
    await expectRefused(
      step(auditor, (c) => assignFinding(c, { findingId: id, assigneeId: reviewer.id })),
      "conflict",
      /is closed: it cannot be assigned/,
    );
    await expectRefused(
      step(auditor, (c) => assignFinding(c, { findingId: 999999, assigneeId: reviewer.id })),
      "not_found",
      /does not exist/,
    );
  });
});

describe(`findings publisher (${dbMode})`, () => {
  it("publishes closed findings with outcome, program, period, count and public summary only", async () => {
    const KEY = "test-key-for-public-ids";
    await runPublishers(t.db, [findingsPublisher], {
      runId: 1,
      asOf: new Date(),
      rules,
      pseudonymKey: KEY,
      timeZone: "America/Los_Angeles",
    });
    const pub = await t.db.select().from(pubFindings).orderBy(asc(pubFindings.number));
    // Two closed findings from the tests above; the one waiting on the agency is not published.
    expect(pub.map((p) => p.outcome)).toEqual(["policy_violation_training", "data_quality"]);
    expect(pub[0]).toMatchObject({
      programs: "watch_center",
      periodStart: "2026-03-10",
      periodEnd: "2026-03-10",
      records: 3,
      summary: "Three camera views had no stated reason; the operator was retrained.",
    });
    const text = JSON.stringify(pub);
    for (const secret of ["Operator retrained", "Training gap", "Why no case?", "Rex", "Ada", "Same boilerplate"])
      expect(text).not.toContain(secret);
    const recs = await t.db.select().from(pubFindingRecords).where(eq(pubFindingRecords.number, pub[0].number));
    expect(recs.map((r) => r.publicId).sort()).toEqual(
      ["w1", "w2", "w3"].map((x) => publicId("acc", "t", x, KEY)).sort(),
    );
  });
});
