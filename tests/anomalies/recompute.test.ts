import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import {
  anomalyFlags,
  agencies,
  alprSearches,
  callCategories,
  cameraAccessEvents,
  cameras,
  droneDocks,
  droneFlights,
  personnel,
  reviewActions,
  users,
} from "../../db/schema";
import { recomputeFlags } from "../../server/anomalies/recompute";
import { DEFAULT_ANOMALY_CONFIG } from "../../lib/anomalies/config";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
const opts = {
  config: DEFAULT_ANOMALY_CONFIG,
  timeZone: "America/Los_Angeles",
  homeAgencyName: "Lakemont Sheriff's Station",
  sensitiveSites: [{ name: "Clinic", kind: "health", lat: 33.8902, lon: -118.3489, radiusM: 150 }],
};

beforeAll(async () => {
  t = await createTestDb();
  const [home, other] = await t.db
    .insert(agencies)
    .values([
      { name: "Lakemont Sheriff's Station", nameKey: "lakemont sheriff's station", kind: "county" },
      { name: "Harbor PD", nameKey: "harbor pd", kind: "other" },
    ])
    .returning();
  const [p] = await t.db
    .insert(personnel)
    .values({ displayName: "Pat Operator", nameKey: "pat operator", agencyId: home.id, role: "watch_center_operator" })
    .returning();
  const [far, near] = await t.db
    .insert(cameras)
    .values([
      { name: "Far cam", nameKey: "far cam", kind: "fixed", owner: "city", siteName: "Main", lat: 33.9, lon: -118.36 },
      {
        name: "Clinic cam",
        nameKey: "clinic cam",
        kind: "fixed",
        owner: "city",
        siteName: "Clinic",
        lat: 33.8903,
        lon: -118.3489,
      },
    ])
    .returning();
  const base = {
    source: "t",
    personnelId: p.id,
    agencyId: home.id,
    userRole: "operator",
    reasonCode: "investigation" as const,
    reasonText: "Burglary follow-up, suspect vehicle",
  };
  const day = (h: number) => new Date(Date.UTC(2026, 2, 10, h, 0)); // 19:00Z = 12:00 PDT
  await t.db.insert(cameraAccessEvents).values([
    {
      ...base,
      externalId: "ok",
      cameraId: far.id,
      operation: "playback",
      startedAt: day(19),
      endedAt: day(19),
      caseNumber: "C-1",
    },
    { ...base, externalId: "nocase", cameraId: far.id, operation: "export", startedAt: day(20), endedAt: day(20) },
    {
      ...base,
      externalId: "near",
      cameraId: near.id,
      operation: "live_view",
      startedAt: day(21),
      endedAt: day(21),
    },
  ]);
  await t.db.insert(alprSearches).values([
    {
      source: "t",
      externalId: "a1",
      personnelId: p.id,
      agencyId: other.id,
      searchedAt: day(19),
      reason: "stolen vehicle",
    },
    {
      source: "t",
      externalId: "a2",
      personnelId: p.id,
      agencyId: home.id,
      searchedAt: day(19),
      reason: "stolen vehicle",
      caseNumber: "C-3",
    },
  ]);
  await t.db.insert(callCategories).values({ code: "theft", label: "Theft", grouping: "property" });
  const [dock] = await t.db
    .insert(droneDocks)
    .values({ slug: "d", name: "Dock", siteName: "Roof", lat: 33.8921, lon: -118.3548 })
    .returning();
  await t.db.insert(droneFlights).values([
    {
      source: "t",
      externalId: "f1",
      callNumber: "CAD-1",
      category: "theft",
      launchedAt: day(19),
      landedAt: day(19),
      dockId: dock.id,
      destLat: 33.8921,
      destLon: -118.3448,
      distanceFlownM: 2000,
    },
    {
      source: "t",
      externalId: "f2",
      category: "theft",
      launchedAt: day(20),
      landedAt: day(20),
      dockId: dock.id,
      destLat: 33.8921,
      destLon: -118.3448,
      distanceFlownM: 9000,
    },
  ]);
});
afterAll(async () => {
  await t?.close();
});

describe(`recomputeFlags (${dbMode})`, () => {
  it("writes one flag per record and rule, with explanations", async () => {
    const r = await recomputeFlags(t.db, opts);
    const rows = await t.db.select().from(anomalyFlags);
    const keys = rows.map((f) => `${f.recordType}:${f.rule}`).sort();
    expect(keys).toEqual([
      "alpr_search:no_case_number",
      "camera_access:no_case_number",
      "camera_access:sensitive_site",
      "drone_flight:flight_detour",
      "drone_flight:flight_no_call",
    ]);
    expect(r.total).toBe(5);
    expect(rows.every((f) => f.explanation.length > 20)).toBe(true);
  });

  it("is idempotent and keeps reviewer history (keyed by record, not flag)", async () => {
    const [u] = await t.db.insert(users).values({ email: "c@example.org", name: "C", role: "council" }).returning();
    const [flag] = await t.db.select().from(anomalyFlags).limit(1);
    await t.db
      .insert(reviewActions)
      .values({ recordType: flag.recordType, recordId: flag.recordId, action: "reviewed", userId: u.id });
    const again = await recomputeFlags(t.db, opts);
    expect(again.total).toBe(5);
    expect(await t.db.select().from(reviewActions)).toHaveLength(1);
  });

  it("changes only what changed: a fixed record loses its flags, a changed one is updated, the rest stay as they were", async () => {
    const before = await t.db.select().from(anomalyFlags);
    // The export gets its case number; the detour flight flew farther.
    await t.db.update(cameraAccessEvents).set({ caseNumber: "C-9" }).where(eq(cameraAccessEvents.externalId, "nocase"));
    await t.db.update(droneFlights).set({ distanceFlownM: 12000 }).where(eq(droneFlights.externalId, "f2"));
    const r = await recomputeFlags(t.db, opts);
    expect(r.total).toBe(4);
    const after = await t.db.select().from(anomalyFlags);
    const key = (f: (typeof after)[number]) => `${f.recordType}:${f.recordId}:${f.rule}`;
    const old = new Map(before.map((f) => [key(f), f]));
    expect(after.map((f) => `${f.recordType}:${f.rule}`).sort()).toEqual([
      "alpr_search:no_case_number",
      "camera_access:sensitive_site",
      "drone_flight:flight_detour",
      "drone_flight:flight_no_call",
    ]);
    for (const f of after) {
      const was = old.get(key(f))!;
      if (f.rule === "flight_detour") {
        // The longer flight's numbers changed: the same flag, updated.
        expect(f.id).toBe(was.id);
        expect(f.details).not.toEqual(was.details);
        expect(+f.computedAt).toBeGreaterThan(+was.computedAt);
      } else {
        expect(f).toEqual(was);
      }
    }
  });
});
