// The database itself rejects impossible records, whatever code writes them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
let db: Db;
const ids = { area: 0, agency: 0, person: 0, camera: 0, meeting: 0 };
const T0 = new Date("2026-01-10T10:00:00Z");
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

/** Postgres (and PGlite) put the violated constraint's name in the message; drizzle wraps it in `cause`. */
async function rejected(p: Promise<unknown>, constraint: string | RegExp): Promise<void> {
  let error: unknown;
  try {
    await p;
  } catch (e) {
    error = e;
  }
  expect(error, `expected a rejection mentioning ${constraint}`).toBeDefined();
  const e = error as { message?: string; cause?: { message?: string } };
  expect(`${e.cause?.message ?? ""} ${e.message ?? ""}`).toMatch(constraint);
}

const flight = (over: Partial<typeof s.droneFlights.$inferInsert> = {}) => ({
  source: "test",
  externalId: `f-${Math.random()}`,
  category: "theft",
  dispatchedAt: T0,
  launchedAt: later(1),
  onSceneAt: later(3),
  landedAt: later(20),
  distanceFlownM: 1200,
  ...over,
});
const access = (over: Partial<typeof s.cameraAccessEvents.$inferInsert> = {}) => ({
  source: "test",
  externalId: `a-${Math.random()}`,
  personnelId: ids.person,
  agencyId: ids.agency,
  userRole: "detective",
  cameraId: ids.camera,
  operation: "playback" as const,
  startedAt: T0,
  endedAt: later(5),
  ...over,
});

describe(`schema constraints (${dbMode})`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    await db.insert(s.callCategories).values({ code: "theft", label: "Theft", grouping: "property" });
    [{ id: ids.area }] = await db
      .insert(s.areas)
      .values({ slug: "a", name: "A", population: 10, boundary: { type: "Polygon", coordinates: [] } })
      .returning({ id: s.areas.id });
    [{ id: ids.agency }] = await db
      .insert(s.agencies)
      .values({ name: "Agency", nameKey: "agency" })
      .returning({ id: s.agencies.id });
    [{ id: ids.person }] = await db
      .insert(s.personnel)
      .values({ displayName: "P", nameKey: "p", agencyId: ids.agency })
      .returning({ id: s.personnel.id });
    [{ id: ids.camera }] = await db
      .insert(s.cameras)
      .values({ name: "C", nameKey: "c", kind: "fixed", owner: "city", siteName: "x", lat: 33.89, lon: -118.35 })
      .returning({ id: s.cameras.id });
    [{ id: ids.meeting }] = await db
      .insert(s.councilMeetings)
      .values({ meetingDate: "2026-01-01", title: "M" })
      .returning({ id: s.councilMeetings.id });
  });
  afterAll(async () => t?.close());

  it("accepts valid records (so each rejection below is about the one bad field)", async () => {
    await db.insert(s.droneFlights).values(flight());
    await db.insert(s.cameraAccessEvents).values(access());
    await db.insert(s.csoActivities).values({
      source: "t",
      externalId: "ok",
      category: "theft",
      callSource: "311",
      receivedAt: T0,
      onSceneAt: later(10),
      clearedAt: later(30),
      outcome: "resolved",
    });
    await db
      .insert(s.budgetItems)
      .values({ name: "b", approvedAmountCents: 100, fundingSource: "GF", status: "planned", fiscalYear: "FY26" });
  });

  it("rejects impossible drone flights", async () => {
    await rejected(db.insert(s.droneFlights).values(flight({ landedAt: later(0) })), "flight_landed_after_launch");
    await rejected(
      db.insert(s.droneFlights).values(flight({ dispatchedAt: later(2) })),
      "flight_launch_after_dispatch",
    );
    await rejected(db.insert(s.droneFlights).values(flight({ onSceneAt: later(25) })), "flight_on_scene_in_flight");
    await rejected(db.insert(s.droneFlights).values(flight({ distanceFlownM: -5 })), "flight_distance_nonneg");
    await rejected(db.insert(s.droneFlights).values(flight({ priority: 9 })), "flight_priority_range");
    await rejected(db.insert(s.droneFlights).values(flight({ category: "jaywalking" })), /foreign key/);
    const dup = flight();
    await db.insert(s.droneFlights).values(dup);
    await rejected(db.insert(s.droneFlights).values(dup), /duplicate key|unique/);
  });

  it("rejects impossible camera accesses and plate-reader counts", async () => {
    await rejected(db.insert(s.cameraAccessEvents).values(access({ endedAt: later(-1) })), "access_end_after_start");
    await rejected(
      db.insert(s.cameraAccessEvents).values(access({ footageStart: later(-10), footageEnd: later(-20) })),
      "access_footage_window",
    );
    await rejected(db.insert(s.cameraAccessEvents).values(access({ cameraId: 999_999 })), /foreign key/);
    await rejected(
      db.insert(s.alprDailyCounts).values({ cameraId: ids.camera, day: "2026-01-01", detections: 5, hotlistHits: 6 }),
      "alpr_counts_nonneg",
    );
    await rejected(
      db.insert(s.cameras).values({
        name: "R",
        nameKey: "r",
        kind: "plate_reader",
        owner: "city",
        siteName: "x",
        lat: 1,
        lon: 1,
        retentionDays: -1,
      }),
      "camera_retention_nonneg",
    );
    await rejected(
      db.insert(s.sharingAgreements).values({
        agencyId: ids.agency,
        program: "plate_readers",
        direction: "outbound",
        dataShared: "x",
        startedOn: "2026-02-01",
        endedOn: "2026-01-01",
      }),
      "sharing_dates",
    );
  });

  it("rejects impossible CSO calls and baseline responses", async () => {
    const cso = {
      source: "t",
      category: "theft",
      callSource: "911" as const,
      receivedAt: T0,
      outcome: "resolved" as const,
    };
    await rejected(
      db.insert(s.csoActivities).values({ ...cso, externalId: "1", onSceneAt: later(-1) }),
      "cso_on_scene_after_received",
    );
    await rejected(
      db.insert(s.csoActivities).values({ ...cso, externalId: "2", clearedAt: later(-1) }),
      "cso_cleared_after_received",
    );
    await rejected(
      db.insert(s.csoActivities).values({ ...cso, externalId: "3", onSceneAt: later(20), clearedAt: later(10) }),
      "cso_cleared_after_on_scene",
    );
    await rejected(
      db
        .insert(s.baselineResponses)
        .values({ program: "drones", category: "theft", receivedAt: T0, onSceneAt: later(-3) }),
      "baseline_on_scene_after_received",
    );
    await rejected(
      db
        .insert(s.areas)
        .values({ slug: "neg", name: "N", population: -1, boundary: { type: "Polygon", coordinates: [] } }),
      "areas_population_nonneg",
    );
  });

  it("rejects negative money, reversed periods, negative votes and unnormalized emails", async () => {
    await rejected(
      db
        .insert(s.budgetItems)
        .values({ name: "b", approvedAmountCents: -100, fundingSource: "GF", status: "planned", fiscalYear: "FY26" }),
      "budget_amounts_nonneg",
    );
    await rejected(
      db.insert(s.budgetItems).values({
        name: "b",
        approvedAmountCents: 100,
        actualCostCents: -1,
        fundingSource: "GF",
        status: "planned",
        fiscalYear: "FY26",
      }),
      "budget_amounts_nonneg",
    );
    await rejected(
      db
        .insert(s.agendaItems)
        .values({ meetingId: ids.meeting, title: "x", periodStart: "2026-03-01", periodEnd: "2026-01-01" }),
      "agenda_period",
    );
    await rejected(
      db.insert(s.councilVotes).values({ meetingId: ids.meeting, motion: "m", result: "passed", ayes: -1, noes: 0 }),
      "vote_counts_nonneg",
    );
    await rejected(
      db.insert(s.programUpdates).values({ slug: "u", title: "u", bodyMarkdown: "x", status: "published" }),
      "update_scheduled_has_time",
    );
    await rejected(
      db.insert(s.users).values({ email: "Mixed@Example.org", name: "x", role: "staff" }),
      "users_email_lower",
    );
  });
});
