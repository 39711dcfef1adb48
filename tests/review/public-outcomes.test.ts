// A closed finding reaches the public read model: the demo, published, shows closed findings on
// the home page and the scorecard's reader (counted from pub_findings) and "Reviewed" on the camera
// accesses they cover; closing one more finding on a published camera access and publishing again
// moves the closed count and its outcome's count by one and marks that access's record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { pubCameraAccesses, pubFindingRecords } from "../../db/schema";
import { seedDemo } from "../../server/seed";
import { runPublish } from "../../server/publish/run";
import { findingsForPublicIds, findingsSummary, recordsOfFindings } from "../../db/queries/public/findings";
import { getHomeSummary } from "../../db/queries/public/home";
import { buildScorecard } from "../../lib/content/build-scorecard";
import { getPublicAccess } from "../../db/queries/public/records";
import { queryRows } from "../../db/sql";
import type { SessionUser } from "../../lib/auth/roles";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { addUsers, closeFindingThroughWorkflow } from "../helpers/findings";

let t: TestDb;
let auditor: SessionUser;
const publish = () =>
  runPublish(t.db, { pseudonymKey: "demo-key-long-enough-1234", timeZone: "America/Los_Angeles", trigger: "test" });

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { scale: 0.1, seed: 7 });
  [auditor] = await addUsers(t.db, [{ email: "outcomes-auditor@example.org", name: "Test Auditor", role: "auditor" }]);
  await publish();
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe(`closed findings on the public pages (${dbMode})`, () => {
  it("the published demo has closed findings on the home page, and its camera accesses say Reviewed", async () => {
    const home = await getHomeSummary({ db: t.db });
    expect(home.findings?.closed).toBeGreaterThan(0);
    const s = await findingsSummary({ db: t.db });
    expect(s.closed).toBe(home.findings?.closed);
    expect(s.byOutcome.reduce((a, o) => a + o.n, 0)).toBe(s.closed);
    const covered = await t.db
      .select({ publicId: pubFindingRecords.publicId, number: pubFindingRecords.number })
      .from(pubFindingRecords)
      .innerJoin(pubCameraAccesses, eq(pubCameraAccesses.publicId, pubFindingRecords.publicId))
      .where(eq(pubFindingRecords.recordType, "camera_access"));
    expect(covered.length).toBeGreaterThan(0);
    const got = await findingsForPublicIds([covered[0].publicId], { db: t.db });
    expect(got.get(covered[0].publicId)?.map((r) => r.number)).toContain(covered[0].number);
    expect(await getPublicAccess({ db: t.db, publicId: covered[0].publicId })).not.toBeNull();
  });

  it("closing a finding on a published access and publishing changes the counts and marks the record", async () => {
    const before = await findingsSummary({ db: t.db });
    const beforeHome = (await getHomeSummary({ db: t.db })).findings!;
    const noViolation = (x: typeof before) => x.byOutcome.find((o) => o.outcome === "no_violation")?.n ?? 0;
    // A published access no finding covers yet, with its raw id (the public id is keyed: match by publishing).
    const [raw] = await queryRows<{ id: number }>(
      t.db,
      sql`select e.id from camera_access_events e
          where e.ended_at < now() - interval '8 days'
            and not exists (select 1 from finding_records r where r.record_type = 'camera_access' and r.record_id = e.id)
          order by e.id limit 1`,
    );
    const id = await closeFindingThroughWorkflow(t.db, auditor, {
      records: [{ recordType: "camera_access", recordId: raw.id }],
      findingType: "other",
      reason: "t",
      explanation: "Routine check",
      outcome: "no_violation",
      note: "Fine",
      publicSummary: "One camera view was checked and had a stated reason; no violation.",
    });
    // Not public until the next publication.
    expect((await findingsSummary({ db: t.db })).closed).toBe(before.closed);
    await publish();
    const after = await findingsSummary({ db: t.db });
    expect(after.closed).toBe(before.closed + 1);
    expect(noViolation(after)).toBe(noViolation(before) + 1);
    expect((await getHomeSummary({ db: t.db })).findings!.closed).toBe(beforeHome.closed + 1);
    // The council scorecard's cameras table counts it under its outcome too (from the same pub_findings).
    const camerasNoViolation = (x: typeof before) =>
      buildScorecard({ values: {}, targets: [], budget: [], feedback: [], findings: x.closedFindings, sharing: [] })
        .find((c) => c.key === "cameras")!
        .findings.find((f) => f.outcome === "no_violation")?.closed ?? 0;
    expect(camerasNoViolation(after)).toBe(camerasNoViolation(before) + 1);
    const [rec] = await t.db
      .select()
      .from(pubFindingRecords)
      .where(and(eq(pubFindingRecords.number, id), eq(pubFindingRecords.recordType, "camera_access")));
    expect(rec).toBeDefined();
    expect(await getPublicAccess({ db: t.db, publicId: rec.publicId })).not.toBeNull();
    expect((await findingsForPublicIds([rec.publicId], { db: t.db })).get(rec.publicId)).toEqual([
      { number: id, outcome: "no_violation", outcomeLabel: "No violation" },
    ]);
    // /findings links the finding to the access's record page.
    expect((await recordsOfFindings({ db: t.db })).get(id)?.map((r) => r.href)).toEqual([
      `/cameras/access-log/${rec.publicId}`,
    ]);
  });
});
