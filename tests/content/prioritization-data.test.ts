// The prioritization factors come from published data: calls per 1,000 residents from the published
// area breakdowns, concerns from feedback about published records (k = 11), staff weights over defaults.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedback, prioritizationWeights, pubBreakdowns, pubFlights } from "../../db/schema";
import { prioritizationData } from "../../db/queries/public/prioritization";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "../publish/fixture";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db);
  await runPublish(t.db, { pseudonymKey: "k".repeat(32), timeZone: "America/Los_Angeles", asOf: NOW, only: ["drones"] });
  await t.db.insert(prioritizationWeights).values({ factor: "population", label: "Residents", weight: 0.9 });
}, 600_000);
afterAll(async () => t?.close());

describe(`prioritization data (${dbMode})`, () => {
  it("computes calls per 1,000 residents from the published area breakdown", async () => {
    const d = await prioritizationData({ db: t.db });
    const rows = await t.db
      .select()
      .from(pubBreakdowns)
      .where(and(eq(pubBreakdowns.dataset, "drones"), eq(pubBreakdowns.breakdown, "area")));
    const north = rows.find((r) => r.key === "north" && r.period === "since_launch")!;
    const area = d.areas.find((a) => a.slug === "north")!;
    expect(area.values.calls_per_1000).toBeCloseTo((north.count! / 10000) * 1000, 1);
    expect(area.values.population).toBe(10000);
    expect(d.factors.find((f) => f.factor === "population")!.weight).toBe(0.9);
    expect(d.factors.find((f) => f.factor === "calls_per_1000")!.weight).toBe(0.3);
  });

  it("counts concerns about published records in their area, and gives no figure below 11", async () => {
    const flights = await t.db.select().from(pubFlights).where(eq(pubFlights.areaSlug, "south")).limit(12);
    const concern = (ref: string) => ({ kind: "complaint" as const, targetType: "flight", targetRef: ref, body: "x" });
    await t.db.insert(feedback).values(flights.slice(0, 3).map((f) => concern(f.publicId)));
    // A new publication run so the per-publication cache is not reused.
    await runPublish(t.db, { pseudonymKey: "k".repeat(32), timeZone: "America/Los_Angeles", asOf: NOW, only: ["drones"] });
    let south = (await prioritizationData({ db: t.db })).areas.find((a) => a.slug === "south")!;
    expect(south.values.community_concerns_per_1000).toBeNull();
    await t.db.insert(feedback).values(flights.slice(3, 12).map((f) => concern(f.publicId)));
    await runPublish(t.db, { pseudonymKey: "k".repeat(32), timeZone: "America/Los_Angeles", asOf: NOW, only: ["drones"] });
    south = (await prioritizationData({ db: t.db })).areas.find((a) => a.slug === "south")!;
    expect(south.values.community_concerns_per_1000).toBeCloseTo(1.2, 5);
    const north = (await prioritizationData({ db: t.db })).areas.find((a) => a.slug === "north")!;
    expect(north.values.community_concerns_per_1000).toBe(0);
  });
});
