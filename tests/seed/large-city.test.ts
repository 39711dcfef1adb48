// The large-city seed profile and the config's crime-center rollout: volumes per unit of scale
// (10M plate searches, 3M camera accesses, 30k flights a year at scale 1), measured at a tiny scale;
// the same seed gives the same rows; and the rollout lands as one council decision per division:
// three live, the approved ones with future dates, every other division planned.
import { count, desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { listRolloutDecisions } from "../../db/queries/public/prioritization";
import { seedDemo } from "../../server/seed";
import { deriveSearchCategories } from "../../db/queries/staff/call-types";
import { expectedRows, profileScales, profileStaffing } from "../../server/seed/profiles";
import { seedRollout } from "../../server/seed/rollout";
import { loadCityConfig } from "../../lib/config/city";
import { expectCountsWithin } from "../helpers/counts";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const SCALE = 0.0005;
let a: TestDb;
let b: TestDb;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDb(), createTestDb()]);
}, 300_000); // two databases; the faked-clock CI run shares the machine with the browser lanes
afterAll(async () => Promise.all([a?.close(), b?.close()]));

describe(`large-city seed profile (${dbMode})`, () => {
  it("scales each dataset to a city of about 4 million a year", () => {
    const v = profileScales("large-city", 1);
    // Pilot rows a year at scale 1 times the multipliers.
    expect(2_000 * v.searches).toBeGreaterThanOrEqual(9_900_000);
    expect(2_000 * v.searches).toBeLessThanOrEqual(10_100_000);
    expect(25_000 * v.accesses).toBe(3_000_000);
    expect(3_000 * v.flights).toBe(30_000);
    expect(profileScales("pilot", 2)).toEqual({ flights: 2, accesses: 2, searches: 2, cso: 2, baseline: 2 });
    expect(expectedRows("large-city", 1)).toBeGreaterThan(13_000_000);
  });

  it("seeds those proportions at a small scale, the same rows for the same seed", async () => {
    const ra = (await seedDemo(a.db, { scale: SCALE, seed: 11, profile: "large-city" })).counts;
    const rb = (await seedDemo(b.db, { scale: SCALE, seed: 11, profile: "large-city" })).counts;
    const events = ["alpr_searches", "camera_access_events", "drone_flights"];
    expect(events.map((k) => ra[k])).toEqual(events.map((k) => rb[k]));
    // 10M × 0.0005 = 5,000 searches; 3M × 0.0005 = 1,500 accesses; 30k × 0.0005 = 15 flights
    // (planted misuse adds a few of each).
    expectCountsWithin(ra, {
      alpr_searches: [4_701, 5_399],
      camera_access_events: [1_351, 1_699],
      drone_flights: [4, 39],
    });
    expect(ra.alpr_searches / ra.camera_access_events).toBeGreaterThan(3);
    // Search purposes are written with the rows, as the mapping gives them: nothing left to derive.
    expect(await deriveSearchCategories(a.db)).toBe(0);
    const cats = await a.db
      .select({ category: s.alprSearches.category, n: count() })
      .from(s.alprSearches)
      .groupBy(s.alprSearches.category);
    // Only a few planted searches give a reason no mapping covers.
    expect(cats.find((c) => c.category === null)?.n ?? 0).toBeLessThan(ra.alpr_searches * 0.01);
    expect(cats.find((c) => c.category === "stolen_vehicle")?.n).toBeGreaterThan(500);
    // The searches are spread over a large department's searchers (about a thousand), not the
    // pilot's 27 (of whom the busiest ran about 6 %): no one searcher, the planted misuse
    // included, runs 1 % of them.
    const bySearcher = await a.db
      .select({ n: count() })
      .from(s.alprSearches)
      .groupBy(s.alprSearches.personnelId)
      .orderBy(desc(count()));
    expect(bySearcher.length).toBeGreaterThan(profileStaffing("large-city") * 20);
    expect(bySearcher[0].n / ra.alpr_searches).toBeLessThan(0.01);
  }, 600_000);
});

describe(`crime-center rollout from the city config (${dbMode})`, () => {
  it("records one decision per division: three live, the approved ones, the rest planned", async () => {
    const c = loadCityConfig("config/large-city.json");
    const t = await createTestDb();
    try {
      await t.db.insert(s.programs).values({ slug: "watch_center", name: "Real-time crime center", status: "active" });
      await t.db.insert(s.areas).values(
        c.areas.map((f) => ({
          slug: f.properties.slug,
          name: f.properties.name,
          kind: "division" as const,
          population: f.properties.population,
          boundary: f.geometry,
        })),
      );
      const pilotStart = "2026-01-05";
      expect(await seedRollout(t.db, c, pilotStart)).toBe(21);
      const list = await listRolloutDecisions({ db: t.db });
      expect(new Set(list.map((d) => d.area)).size).toBe(21);
      const by = (st: string) => list.filter((d) => d.status === st);
      expect(
        by("live")
          .map((d) => d.area)
          .sort(),
      ).toEqual(["cedar-ridge", "harborline", "northfield"]);
      expect(by("approved")).toHaveLength(4);
      expect(by("planned")).toHaveLength(14);
      for (const d of by("live")) {
        expect(d.live_on! > d.decided_on).toBe(true);
        expect(d.result).toBe("passed");
      }
      // Live dates are staggered, one division at a time.
      expect(new Set(by("live").map((d) => d.live_on)).size).toBe(3);
      for (const d of by("planned")) expect(d.live_on).toBeNull();
      for (const d of by("approved")) expect(d.live_on! > d.decided_on).toBe(true);
    } finally {
      await t.close();
    }
  }, 120_000);
});
