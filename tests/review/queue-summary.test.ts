// The review queue's summary tables against a real database: review_queue written by the flag
// recompute (one row per flagged record, rules, score, who, where, state) and kept in step with
// review_actions by every review and finding step, a refused step leaving it as it was; and
// review_queue_groups (its records counted by person, program, rules and state) in step with it,
// the people list and counts read from the groups equal to those read from the records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { agencies, cameraAccessEvents, cameras, personnel, reviewQueue } from "../../db/schema";
import { listPeople } from "../../db/queries/review/people";
import { listQueue, queueCounts, type QueueFilters } from "../../db/queries/review/queue";
import { reviewQueueMissing } from "../../db/queries/review/queue-summary";
import { queryRows } from "../../db/sql";
import { recomputeFlags } from "../../server/anomalies/recompute";
import {
  addReviewAction,
  assignFinding,
  closeFinding,
  openFinding,
  recordExplanation,
  requestExplanation,
  type WorkflowContext,
} from "../../server/review/workflow";
import type { SessionUser } from "../../lib/auth/roles";
import { testAnomalyConfig } from "../helpers/anomalies";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { addUsers, workflowStep } from "../helpers/findings";

let t: TestDb;
let auditor: SessionUser;
let reviewer: SessionUser;
let ids: { op: number; agency: number; street: number; exports: number[]; views: number[] };
const weights = { no_case_number: 3, vague_reason: 4 };
const cfg = testAnomalyConfig({ weights, vagueReason: { phrases: ["check"] } });
const opts = { config: cfg, timeZone: "America/Los_Angeles", homeAgencyName: "Home", sensitiveSites: [] };
const today = new Date().toISOString().slice(0, 10);

const step = <R>(user: SessionUser, fn: (ctx: WorkflowContext) => Promise<R>) => workflowStep(t.db, user, fn);
const ref = (recordId: number) => ({ recordType: "camera_access" as const, recordId });
const stateOf = async (recordId: number) =>
  (await t.db.select({ state: reviewQueue.state }).from(reviewQueue).where(eq(reviewQueue.recordId, recordId)))[0]
    ?.state;
/** Rows whose state differs from the latest non-note review action (what the queue used to compute per request). */
const outOfStep = () =>
  queryRows<{ record_id: number }>(
    t.db,
    sql`select q.record_id from review_queue q where q.state is distinct from (select ra.action::text from review_actions ra
      where ra.record_type = q.record_type and ra.record_id = q.record_id and ra.action <> 'note' order by ra.at desc, ra.id desc limit 1)`,
  );

/** review_queue_groups rows that a fresh count of review_queue would not give, and the reverse. */
const groupsOutOfStep = () =>
  queryRows<{ side: string }>(
    t.db,
    sql`with fresh as (select personnel_id, agency_id, record_type, operation, rules, state, count(*)::int as n, sum(score) as score,
          min(occurred_at) as first, max(occurred_at) as last from review_queue
          group by personnel_id, agency_id, record_type, operation, rules, state),
        kept as (select personnel_id, agency_id, record_type, operation, rules, state, n, score, first, last from review_queue_groups)
      (select 'missing' as side, * from (select * from fresh except all select * from kept) a)
      union all (select 'extra' as side, * from (select * from kept except all select * from fresh) b)`,
  );
/** The people list and record count from the groups equal those from the records (a date filter reads the records). */
async function groupsAnswerAsRecords(filters: QueueFilters) {
  const everything = { ...filters, from: new Date(0) };
  const fromGroups = await listPeople(t.db, { filters, page: 1, pageSize: 25 });
  expect(fromGroups).toEqual(await listPeople(t.db, { filters: everything, page: 1, pageSize: 25 }));
  const q = { dir: "desc" as const, page: 1, pageSize: 1 };
  expect((await listQueue(t.db, { ...q, filters })).total).toBe(
    (await listQueue(t.db, { ...q, filters: everything })).total,
  );
  return fromGroups;
}

beforeAll(async () => {
  t = await createTestDb();
  [auditor, reviewer] = await addUsers(t.db, [
    { email: "aud@example.org", name: "Ada Auditor", role: "auditor" },
    { email: "rev@example.org", name: "Rex Reviewer", role: "council" },
  ]);
  const [home] = await t.db.insert(agencies).values({ name: "Home", nameKey: "home", kind: "county" }).returning();
  const [p] = await t.db
    .insert(personnel)
    .values({ displayName: "Op One", nameKey: "op one", agencyId: home.id, role: "watch_center_operator" })
    .returning();
  const [street] = await t.db
    .insert(cameras)
    .values({ name: "Main", nameKey: "main", kind: "fixed", owner: "city", siteName: "Main", lat: 33.9, lon: -118.36 })
    .returning();
  const row = (n: number, operation: "export" | "live_view") => {
    const at = new Date(Date.UTC(2026, 2, 10, 19, n));
    return {
      source: "t",
      externalId: `s${n}`,
      personnelId: p.id,
      agencyId: home.id,
      userRole: "watch_center_operator",
      cameraId: street.id,
      operation,
      startedAt: at,
      endedAt: at,
      reasonText: "check",
      caseNumber: null,
    };
  };
  const exports = await t.db
    .insert(cameraAccessEvents)
    .values([1, 2, 3, 4].map((n) => row(n, "export")))
    .returning({ id: cameraAccessEvents.id });
  const views = await t.db
    .insert(cameraAccessEvents)
    .values([5, 6].map((n) => row(n, "live_view")))
    .returning({ id: cameraAccessEvents.id });
  ids = {
    op: p.id,
    agency: home.id,
    street: street.id,
    exports: exports.map((r) => r.id),
    views: views.map((r) => r.id),
  };
  await recomputeFlags(t.db, opts);
});
afterAll(async () => {
  await t?.close();
});

describe(`review queue summary table (${dbMode})`, () => {
  it("holds one row per flagged record after a recompute, with rules, score, person, agency, camera and no state", async () => {
    const rows = await t.db.select().from(reviewQueue);
    // Exports with no case and a boilerplate reason are flagged; live views (exempt) are not.
    expect(rows.map((r) => r.recordId).sort()).toEqual([...ids.exports].sort());
    for (const r of rows)
      expect(r).toMatchObject({
        recordType: "camera_access",
        personnelId: ids.op,
        agencyId: ids.agency,
        cameraId: ids.street,
        operation: "export",
        rules: ["no_case_number", "vague_reason"],
        score: 7,
        state: null,
      });
    expect(await groupsOutOfStep()).toEqual([]);
    const people = await groupsAnswerAsRecords({});
    expect(people.rows).toMatchObject([{ personnelId: ids.op, records: 4, unreviewed: 4, score: 28 }]);
    expect(await queueCounts(t.db)).toEqual({ none: 4 });
  });

  it("follows the flags on the next recompute: a record that no longer breaks a rule leaves, a new one comes", async () => {
    await t.db
      .update(cameraAccessEvents)
      .set({ caseNumber: "C-1", reasonText: "Burglary follow-up at Main and 3rd" })
      .where(eq(cameraAccessEvents.id, ids.exports[3]));
    await t.db.update(cameraAccessEvents).set({ operation: "export" }).where(eq(cameraAccessEvents.id, ids.views[0]));
    await recomputeFlags(t.db, opts);
    const rows = await t.db.select().from(reviewQueue);
    expect(rows.map((r) => r.recordId).sort()).toEqual([...ids.exports.slice(0, 3), ids.views[0]].sort());
    // Weights come from the config the recompute ran with.
    await recomputeFlags(t.db, { ...opts, config: { ...cfg, weights: { no_case_number: 10, vague_reason: 1 } } });
    expect(new Set((await t.db.select().from(reviewQueue)).map((r) => r.score))).toEqual(new Set([11]));
    expect(await groupsOutOfStep()).toEqual([]);
    await recomputeFlags(t.db, opts);
    expect(await groupsOutOfStep()).toEqual([]);
  });

  it("moves a record's state with a review, not with a note, and keeps it across a recompute", async () => {
    await step(auditor, (c) => addReviewAction(c, { ...ref(ids.exports[0]), action: "reviewed" }));
    expect(await stateOf(ids.exports[0])).toBe("reviewed");
    expect(await groupsOutOfStep()).toEqual([]);
    await step(auditor, (c) =>
      addReviewAction(c, { ...ref(ids.exports[0]), action: "note", note: "Asked the shift lead" }),
    );
    expect(await stateOf(ids.exports[0])).toBe("reviewed");
    await recomputeFlags(t.db, opts);
    expect(await stateOf(ids.exports[0])).toBe("reviewed");
    const reviewed = await listQueue(t.db, { filters: { status: "reviewed" }, dir: "desc", page: 1, pageSize: 25 });
    expect(reviewed.rows.map((r) => r.record_id)).toEqual([ids.exports[0]]);
    const left = await listPeople(t.db, { filters: {}, page: 1, pageSize: 25 });
    expect(left.rows[0]).toMatchObject({ records: 4, unreviewed: 3 });
    expect(await groupsOutOfStep()).toEqual([]);
    expect(await queueCounts(t.db)).toEqual({ none: 3, reviewed: 1 });
    for (const filters of [{}, { status: "reviewed" }, { status: "none" }, { rule: "vague_reason" }] as QueueFilters[])
      await groupsAnswerAsRecords({
        ...filters,
        personnelId: ids.op,
        agencyId: ids.agency,
        recordType: "camera_access",
      });
    expect((await groupsAnswerAsRecords({ status: "reviewed" })).rows).toMatchObject([{ records: 1, unreviewed: 0 }]);
  });

  it("follows a finding from opened through explanation requested to closed, for every record it covers", async () => {
    const covered = [ids.exports[1], ids.exports[2]];
    const id = await step(reviewer, (c) =>
      openFinding(c, { records: covered.map(ref), findingType: "vague_reason", note: "Same boilerplate" }),
    );
    for (const r of covered) expect(await stateOf(r)).toBe("finding_opened");
    await step(auditor, (c) => assignFinding(c, { findingId: id, assigneeId: reviewer.id }));
    await step(reviewer, (c) =>
      requestExplanation(c, { findingId: id, request: "Why no case number?", dueOn: today, today }),
    );
    for (const r of covered) expect(await stateOf(r)).toBe("explanation_requested");
    await step(reviewer, (c) => recordExplanation(c, { findingId: id, explanation: "Training exports" }));
    for (const r of covered) expect(await stateOf(r)).toBe("explanation_requested");
    await step(reviewer, (c) =>
      closeFinding(c, {
        findingId: id,
        outcome: "policy_violation_training",
        note: "Retrained",
        publicSummary: "Exports without a case number; the operator was retrained.",
      }),
    );
    for (const r of covered) expect(await stateOf(r)).toBe("finding_closed");
    expect(await groupsOutOfStep()).toEqual([]);
    expect((await groupsAnswerAsRecords({ status: "finding_closed" })).rows).toMatchObject([{ records: 2 }]);
    const closed = await listQueue(t.db, { filters: { status: "finding_closed" }, dir: "asc", page: 1, pageSize: 25 });
    expect(closed.rows.map((r) => r.record_id).sort()).toEqual([...covered].sort());
    expect(await outOfStep()).toEqual([]);

    // A refused step (closing a closed finding) rolls back with its transaction: nothing moves.
    await expect(
      step(reviewer, (c) =>
        closeFinding(c, { findingId: id, outcome: "no_violation", note: "again", publicSummary: "again" }),
      ),
    ).rejects.toThrow(/closed/);
    for (const r of covered) expect(await stateOf(r)).toBe("finding_closed");
    expect(await groupsOutOfStep()).toEqual([]);
    await recomputeFlags(t.db, opts);
    expect(await outOfStep()).toEqual([]);
    expect(await groupsOutOfStep()).toEqual([]);
  });

  it("tells a start that the queue is missing (flags but no rows, as right after the migration), and the recompute fills it", async () => {
    expect(await reviewQueueMissing(t.db)).toBe(false);
    await t.db.delete(reviewQueue).where(sql`true`);
    expect(await reviewQueueMissing(t.db)).toBe(true);
    await recomputeFlags(t.db, opts);
    expect(await reviewQueueMissing(t.db)).toBe(false);
    // The rebuilt rows carry the review history written before them.
    expect(await stateOf(ids.exports[0])).toBe("reviewed");
    expect(await outOfStep()).toEqual([]);
  });
});
