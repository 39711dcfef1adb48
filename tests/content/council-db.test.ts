import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { metricValues, prioritizationInputs, wholeMonths } from "@/db/queries/public/council";
import { pubFlights } from "@/db/schema/published-drones";
import { pubBreakdowns, pubMetrics } from "@/db/schema/published-rollups";
import { pubCameraAccesses } from "@/db/schema/published-cameras";
import { pubCsoCalls } from "@/db/schema/published-cso";
import { areas } from "@/db/schema/reference";
import { prioritizationWeights } from "@/db/schema/content";
import { buildScorecard } from "@/lib/content/build-scorecard";
import { publishDaily } from "@/server/publish/daily";

let t: TestDb;

function flight(i: number, day: string, tts: number | null, outcome: string | null): typeof pubFlights.$inferInsert {
  return {
    publicId: `f-test${i}`, startedAt: new Date(`${day}T18:00:00Z`), timePrecision: "hour", localDate: day, weekStart: day, localHour: 10,
    category: "theft", categoryLabel: "Theft", sensitive: false, areaSlug: "old-town", areaName: "Old Town", durationMin: 12,
    timeToSceneMin: tts, outcome, firstOnScene: true, linkedToCall: true,
  };
}

beforeAll(async () => {
  t = await createTestDb();
  // January: 12 flights, time to scene 1.0..2.1 min (median 1.55 min = 93 s), 4 cleared without patrol.
  const jan = Array.from({ length: 12 }, (_, i) => flight(i, `2026-01-${String(i + 1).padStart(2, "0")}`, 1 + i / 10, i < 4 ? "cleared_no_patrol" : "patrol_dispatched"));
  // February: only 5 flights, too few for a monthly value of its own.
  const feb = Array.from({ length: 5 }, (_, i) => flight(100 + i, `2026-02-0${i + 1}`, 3, "patrol_dispatched"));
  await t.db.insert(pubFlights).values([...jan, ...feb]);
  await t.db.insert(pubMetrics).values({ dataset: "drones", period: "baseline", metric: "median_time_to_scene_min", value: 4.5, n: 500, suppressed: false });
  await t.db.insert(pubCameraAccesses).values(Array.from({ length: 20 }, (_, i) => ({
    publicId: `a-${i}`, hour: new Date("2026-01-05T18:00:00Z"), localDate: "2026-01-05", weekStart: "2026-01-05", place: "Main & 1st", ownerClass: "city" as const,
    user: "user-abc123", userRole: "operator", agency: "Lakemont", operation: "live_view", reason: "call_for_service", linkedToCase: i < 18,
  })));
  await t.db.insert(pubCsoCalls).values(Array.from({ length: 11 }, (_, i) => ({
    publicId: `c-${i}`, receivedAt: new Date("2026-01-07T18:00:00Z"), timePrecision: "hour" as const, localDate: "2026-01-07", weekStart: "2026-01-05",
    category: "vandalism", categoryLabel: "Vandalism", sensitive: false, callSource: "311", responseMin: 10 + i, reportWritten: true,
    fingerprintsCollected: false, dnaCollected: false, swornBackupRequested: i === 0,
  })));
  await t.db.insert(pubMetrics).values({ dataset: "cso", period: "baseline", metric: "median_response_min", value: 22, n: 400, suppressed: false });
  // The scorecard reads per-day counts that a publication derives from these rows.
  for (const [dataset, table] of [["drones", "pub_flights"], ["cameras", "pub_camera_accesses"], ["alpr", "pub_alpr_searches"], ["cso", "pub_cso_calls"]] as const) {
    await publishDaily(t.db, dataset, table);
  }
  const square = { type: "Polygon" as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
  await t.db.insert(areas).values([
    { slug: "old-town", name: "Old Town", population: 1000, boundary: square, propertyCrimeRate: 30, communityFeedbackScore: 3 },
    { slug: "northgate", name: "Northgate", population: 2000, boundary: square, propertyCrimeRate: 50, communityFeedbackScore: 4 },
    { slug: "harbor-heights", name: "Harbor Heights", population: 1500, boundary: square, propertyCrimeRate: 40, communityFeedbackScore: 2 },
  ]);
  // The publication's flights-per-area breakdown, which prioritization reads: Old Town's 17 flights;
  // Harbor Heights had fewer than 11, so its count is suppressed; Northgate had none.
  await t.db.insert(pubBreakdowns).values([
    { dataset: "drones", breakdown: "area", period: "since_launch", key: "old-town", label: "Old Town", count: 17, suppressed: false, ord: 0 },
    { dataset: "drones", breakdown: "area", period: "since_launch", key: "harbor-heights", label: "Harbor Heights", count: null, suppressed: true, ord: 1 },
    { dataset: "drones", breakdown: "area", period: "since_launch", key: "*", label: "All flights", count: 20, suppressed: false, ord: 2 },
  ]);
  await t.db.insert(prioritizationWeights).values([
    { factor: "property_crime_rate", label: "Property crime rate", weight: 0.5, direction: "higher_is_better" },
    { factor: "calls_per_1000", label: "Calls per 1,000", weight: 0.5, direction: "higher_is_better" },
  ]);
});
afterAll(async () => t?.close());

describe(`council scorecard numbers on ${dbMode}`, () => {
  it("computes period values from published rows, with the pre-pilot baseline", async () => {
    const v = await metricValues({ db: t.db, from: "2026-01-01", to: "2026-02-28" });
    // 17 flights: 1.0..2.1 min and five at 3.0 min; the 9th smallest is 1.8 min = 108 s.
    expect(v.drone_median_time_to_scene_sec.value).toBeCloseTo(108, 3);
    expect(v.drone_median_time_to_scene_sec.baseline).toBeCloseTo(270, 6);
    expect(v.drone_share_cleared_no_patrol.value).toBeCloseTo(4 / 17, 6);
    expect(v.drone_median_time_to_scene_sec.series).toEqual([
      { label: "Jan 2026", value: expect.closeTo(93, 3) },
      { label: "Feb 2026", value: null },
    ]);
    expect(v.camera_share_with_case.value).toBeCloseTo(0.9, 6);
    expect(v.alpr_share_with_case.value).toBeNull();
    expect(v.cso_median_response_min.value).toBeCloseTo(15, 3);
    expect(v.cso_median_response_min.baseline).toBe(22);
    expect(v.cso_share_no_sworn.value).toBeCloseTo(10 / 11, 6);
  });

  it("takes a range's partly covered months day by day and whole months from the monthly histograms", async () => {
    // From January 3: ten January flights (1.2..2.1 min) and five February ones (3.0 min); the 8th smallest is 1.9 min.
    const v = await metricValues({ db: t.db, from: "2026-01-03", to: "2026-02-28" });
    expect(v.drone_median_time_to_scene_sec.value).toBeCloseTo(114, 3);
    expect(v.drone_median_time_to_scene_sec.n).toBe(15);
    expect(wholeMonths("2026-01-03", "2026-02-28")).toEqual({ first: "2026-02-01", last: "2026-02-01" });
    expect(wholeMonths("2026-01-01", "2026-03-30")).toEqual({ first: "2026-01-01", last: "2026-02-01" });
    expect(wholeMonths("2025-11-22", "2026-11-22")).toEqual({ first: "2025-12-01", last: "2026-10-01" });
    expect(wholeMonths("2026-01-03", "2026-01-31")).toBeNull();
  });

  it("publishes no median or share on fewer than 11 events", async () => {
    const v = await metricValues({ db: t.db, from: "2026-02-01", to: "2026-02-28" });
    expect(v.drone_median_time_to_scene_sec.n).toBe(5);
    expect(v.drone_median_time_to_scene_sec.value).toBeNull();
    expect(v.drone_share_cleared_no_patrol.value).toBeNull();
  });

  it("builds program cards whose summary states the computed numbers", async () => {
    const values = await metricValues({ db: t.db, from: "2026-01-01", to: "2026-01-31" });
    const cards = buildScorecard({
      values,
      targets: [{ metricKey: "drone_median_time_to_scene_sec", label: "Drone median time to scene", target: 120, unit: "seconds", direction: "lower_is_better" }],
      budget: [{ name: "Docks", approvedAmountCents: 100_00, actualCostCents: 120_00, status: "complete", programSlug: "drones" }],
      feedback: [{ programSlug: "drones", kind: "complaint", status: "resolved", n: 2 }, { programSlug: "cso", kind: "complaint", status: "new", n: 1 }],
      findings: [
        { outcome: "policy_violation_training", label: "Policy violation: training", programs: ["watch_center"] },
        { outcome: "no_violation", label: "No violation", programs: ["drones", "watch_center"] },
        { outcome: "no_violation", label: "No violation", programs: ["watch_center"] },
      ],
      sharing: [{ agency: "Harbor City PD", program: "plate_readers", direction: "both", dataShared: "Detections", endedOn: null }],
    });
    expect(cards.map((c) => c.key)).toEqual(["drones", "cameras", "plate_readers", "cso"]);
    const drones = cards[0];
    expect(drones.summary).toContain("Drones reached the scene in a median of 1 min 33 s, against a target of 2 min and 4 min 30 s by patrol before the pilot. The target was met.");
    expect(drones.metrics[0].improved).toBe(true);
    expect(drones.costs.overBudget[0].overCents).toBe(20_00);
    expect(drones.complaints).toEqual({ total: 2, open: 0, resolved: 2, dismissed: 0 });
    // Closed findings by outcome, per program of the records they cover (outcomes in their list's order).
    expect(drones.findings).toEqual([{ outcome: "no_violation", label: "No violation", closed: 1 }]);
    expect(cards[1].findings).toEqual([
      { outcome: "no_violation", label: "No violation", closed: 2 },
      { outcome: "policy_violation_training", label: "Policy violation: training", closed: 1 },
    ]);
    expect(cards[2].findings).toEqual([]);
    expect(cards[2].sharing).toHaveLength(1);
    expect(cards[3].complaints.open).toBe(1);
  });

  it("prioritization inputs combine area factors with published call counts", async () => {
    const { weights, areas: rows } = await prioritizationInputs({ db: t.db });
    expect(weights).toHaveLength(2);
    const old = rows.find((a) => a.slug === "old-town")!;
    expect(old.values.calls_per_1000).toBeCloseTo(17, 6);
    expect(rows.find((a) => a.slug === "northgate")!.values.calls_per_1000).toBe(0);
    // A suppressed count gives no rate rather than a made-up one.
    expect(rows.find((a) => a.slug === "harbor-heights")!.values.calls_per_1000).toBeNull();
  });
});
