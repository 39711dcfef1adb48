// "Was that a police drone?" answers with every published flight that matches the place and the
// window: a busy day is paged on the page, never cut off silently in the query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFlightsNear } from "@/db/queries/public/drones";
import { pubFlights } from "@/db/schema/published-drones";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
const DAY = "2026-06-10";
const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

beforeAll(async () => {
  t = await createTestDb();
  // 620 flights in Old Town over one day (more than any page shows at once), and 5 elsewhere.
  const rows = Array.from({ length: 625 }, (_, i): typeof pubFlights.$inferInsert => ({
    publicId: `f-near${String(i).padStart(4, "0")}`,
    startedAt: new Date(Date.parse(`${DAY}T07:00:00Z`) + (i % 24) * 3600_000),
    timePrecision: "hour",
    localDate: DAY,
    weekStart: "2026-06-08",
    localHour: i % 24,
    category: "theft",
    categoryLabel: "Theft",
    sensitive: false,
    areaSlug: i < 620 ? "old-town" : "northgate",
    areaName: i < 620 ? "Old Town" : "Northgate",
    durationMin: 12,
    timeToSceneMin: 2,
    outcome: "cleared_no_patrol",
    firstOnScene: true,
    linkedToCall: true,
  }));
  await t.db.insert(pubFlights).values(rows);
}, 600_000);
afterAll(async () => t?.close());

describe(`flights near a place (${dbMode})`, () => {
  it("returns every matching flight of the window, earliest first", async () => {
    const found = await findFlightsNear({
      db: t.db,
      place: { kind: "area", slug: "old-town", geometry: square },
      start: new Date(`${DAY}T07:00:00Z`),
      end: new Date(Date.parse(`${DAY}T07:00:00Z`) + 86400_000),
    });
    expect(found).toHaveLength(620);
    expect(found.every((f) => f.areaSlug === "old-town" && f.match.how === "scene")).toBe(true);
    const times = found.map((f) => f.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
