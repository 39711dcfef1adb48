// Scoring and grouping of the review queue against a real database: records scored by their
// rules' weights, people ranked by the sum, filters shared by both views, bulk review audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { agencies, auditLog, cameraAccessEvents, cameras, personnel, reviewActions, users } from "../../db/schema";
import { listPeople } from "../../db/queries/review/people";
import { listQueue, queueNeighbours } from "../../db/queries/review/queue";
import { recomputeFlags } from "../../server/anomalies/recompute";
import { markReviewedMany } from "../../server/review/bulk";
import { testAnomalyConfig } from "../helpers/anomalies";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
const weights = { sensitive_site: 8, no_case_number: 3, vague_reason: 4 };
const cfg = testAnomalyConfig({ weights, vagueReason: { phrases: ["check"] } });
const opts = {
  config: cfg,
  timeZone: "America/Los_Angeles",
  homeAgencyName: "Lakemont Sheriff's Station",
  sensitiveSites: [{ name: "Shelter", kind: "shelter", lat: 33.8832, lon: -118.3395, radiusM: 150 }],
};
let ids: { browser: number; exporter: number; careful: number };

beforeAll(async () => {
  t = await createTestDb();
  const [home] = await t.db
    .insert(agencies)
    .values({ name: "Lakemont Sheriff's Station", nameKey: "lakemont sheriff's station", kind: "county" })
    .returning();
  const people = await t.db
    .insert(personnel)
    .values(
      ["Browser Bee", "Exporter Eel", "Careful Cat"].map((n) => ({
        displayName: n,
        nameKey: n.toLowerCase(),
        agencyId: home.id,
        role: "watch_center_operator" as const,
      })),
    )
    .returning();
  ids = { browser: people[0].id, exporter: people[1].id, careful: people[2].id };
  const [street, shelter] = await t.db
    .insert(cameras)
    .values([
      { name: "Main St", nameKey: "main st", kind: "fixed", owner: "city", siteName: "Main", lat: 33.9, lon: -118.36 },
      {
        name: "Shelter cam",
        nameKey: "shelter cam",
        kind: "fixed",
        owner: "city",
        siteName: "S",
        lat: 33.8833,
        lon: -118.3395,
      },
    ])
    .returning();
  const row = (n: number, personnelId: number, cameraId: number, op: "live_view" | "export", reasonText: string) => {
    const at = new Date(Date.UTC(2026, 2, 10, 19, n));
    return {
      source: "t",
      externalId: `x${personnelId}-${n}`,
      personnelId,
      agencyId: home.id,
      userRole: "watch_center_operator",
      cameraId,
      operation: op,
      startedAt: at,
      endedAt: at,
      reasonText,
      caseNumber: null,
    };
  };
  await t.db.insert(cameraAccessEvents).values([
    // Browser: 3 shelter live views without a case (8 each) = 24.
    ...[1, 2, 3].map((n) => row(n, ids.browser, shelter.id, "live_view", "Checking the area for a reported fight")),
    // Exporter: 4 exports with no case and a boilerplate reason (3 + 4 each) = 28.
    ...[1, 2, 3, 4].map((n) => row(n, ids.exporter, street.id, "export", "check")),
    // Careful: live views of a street camera, nothing flagged.
    ...[1, 2].map((n) => row(n, ids.careful, street.id, "live_view", "Collision at Main and 3rd")),
  ]);
  await recomputeFlags(t.db, opts);
});
afterAll(async () => {
  await t?.close();
});

describe(`review queue scoring and grouping (${dbMode})`, () => {
  it("scores each record by the sum of its rules' weights", async () => {
    const { rows, total } = await listQueue(t.db, {
      filters: {},
      sort: "score",
      dir: "desc",
      page: 1,
      pageSize: 50,
    });
    expect(total).toBe(7);
    const exp = rows.find((r) => r.personnel_id === ids.exporter)!;
    expect(exp.rules).toEqual(["no_case_number", "vague_reason"]);
    expect(exp.score).toBe(7);
    expect(rows[0].score).toBe(8);
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
  });

  it("groups people by total score, highest first, with counts per rule and operation", async () => {
    const { rows, total } = await listPeople(t.db, { filters: {}, page: 1, pageSize: 25 });
    expect(total).toBe(2); // the careful operator has nothing flagged
    expect(rows.map((r) => [r.name, r.score, r.records])).toEqual([
      ["Exporter Eel", 28, 4],
      ["Browser Bee", 24, 3],
    ]);
    expect(rows[0].rules).toEqual([
      { rule: "no_case_number", n: 4 },
      { rule: "vague_reason", n: 4 },
    ]);
    expect(rows[0].operations).toEqual([{ operation: "export", n: 4 }]);
    // Weights come from config (applied by the recompute): weigh sensitive sites more and the order flips.
    await recomputeFlags(t.db, { ...opts, config: { ...cfg, weights: { ...weights, sensitive_site: 20 } } });
    const heavy = await listPeople(t.db, { filters: {}, page: 1, pageSize: 25 });
    await recomputeFlags(t.db, opts);
    expect(heavy.rows[0].name).toBe("Browser Bee");
    expect(heavy.rows[0].score).toBe(60);
  });

  it("filters people and records by person, rule and camera alike", async () => {
    const byRule = await listPeople(t.db, { filters: { rule: "sensitive_site" }, page: 1, pageSize: 25 });
    expect(byRule.rows.map((r) => r.name)).toEqual(["Browser Bee"]);
    const mine = await listQueue(t.db, {
      filters: { personnelId: ids.exporter },
      sort: "time",
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
    expect(mine.total).toBe(4);
    const [shelterCam] = await t.db.select().from(cameras).where(eq(cameras.name, "Shelter cam"));
    const cam = await listQueue(t.db, {
      filters: { cameraId: shelterCam.id },
      dir: "desc",
      page: 1,
      pageSize: 25,
    });
    expect(cam.rows.every((r) => r.personnel_id === ids.browser)).toBe(true);
  });

  it("gives next and previous within the filtered, sorted queue", async () => {
    const p = { filters: { personnelId: ids.exporter }, sort: "time" as const, dir: "asc" as const };
    const { rows } = await listQueue(t.db, { ...p, page: 1, pageSize: 25 });
    const mid = await queueNeighbours(t.db, p, { recordType: "camera_access", recordId: rows[1].record_id });
    expect(mid.prev?.record_id).toBe(rows[0].record_id);
    expect(mid.next?.record_id).toBe(rows[2].record_id);
    expect(mid.position).toBe(2);
    expect(mid.total).toBe(4);
    const first = await queueNeighbours(t.db, p, { recordType: "camera_access", recordId: rows[0].record_id });
    expect(first.prev).toBeNull();
  });

  it("marks many records reviewed in one action, each audited, and the queue's state follows", async () => {
    const [u] = await t.db.insert(users).values({ email: "a@example.org", name: "Aud", role: "auditor" }).returning();
    const { rows } = await listQueue(t.db, {
      filters: { personnelId: ids.exporter },
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
    const n = await markReviewedMany(
      t.db,
      { id: u.id, email: u.email, name: u.name, role: "auditor" },
      { actorType: "user", actorId: String(u.id), actorLabel: u.email },
      rows.map((r) => ({ recordType: r.record_type, recordId: r.record_id })),
    );
    expect(n).toBe(4);
    expect(await t.db.select().from(reviewActions)).toHaveLength(4);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "review.reviewed"))).length).toBe(4);
    const left = await listPeople(t.db, { filters: { status: "none" }, page: 1, pageSize: 25 });
    expect(left.rows.map((r) => r.name)).toEqual(["Browser Bee"]);
  });
});
