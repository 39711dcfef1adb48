// Drone flight imports: Skydio GeoJSON and ArcGIS, SF open-data CSV, the canonical JSON.
import { describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { droneDocks, droneFlights, personnel } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { dbMode, type TestDb } from "../helpers/db";
import { options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const flightCount = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(droneFlights))[0].n);
const bySource = (source: string) =>
  t.db.select().from(droneFlights).where(eq(droneFlights.source, source)).orderBy(asc(droneFlights.externalId));

describe(`drone flight import (${dbMode})`, () => {
  it("imports Skydio GeoJSON LineStrings with ISO and epoch-millisecond times", async () => {
    const r = await importFile(t.db, stream("skydio-flights.geojson"), options("flights", "skydio-flights.geojson"));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "skydio", inserted: 3, position: "record" });
    const [a, b, c] = await bySource("skydio");
    expect(a).toMatchObject({
      externalId: "SKY-1001",
      category: "burglary",
      sensitive: false,
      callNumber: "LKM-25-010001",
    });
    expect(a.launchedAt.toISOString()).toBe("2025-10-03T18:02:00.000Z");
    expect(a.path?.coordinates).toHaveLength(5);
    // The destination is the path point farthest from takeoff; the dock is the one at takeoff.
    expect([a.destLon, a.destLat]).toEqual([-118.3512, 33.889]);
    const [civic] = await t.db.select().from(droneDocks).where(eq(droneDocks.slug, "dock-civic-center"));
    expect(a.dockId).toBe(civic.id);
    expect(a.distanceFlownM).toBeGreaterThan(400);
    expect(b.launchedAt.toISOString()).toBe(new Date(1759600800000).toISOString());
    expect(b).toMatchObject({ category: "welfare_check", sensitive: true, callNumber: null });
    // An unmapped purpose imports as "unclassified" and the report lists it.
    expect(c).toMatchObject({ category: "unclassified", callTypeRaw: "Community event overwatch" });
    expect(r.unmapped).toEqual([{ value: "Community event overwatch", count: 1 }]);
  });

  it("imports ArcGIS FeatureSet rows (attributes + paths) as the same format", async () => {
    const r = await importFile(t.db, stream("skydio-arcgis.json"), options("flights", "skydio-arcgis.json"));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "skydio", inserted: 2 });
    const rows = await bySource("skydio");
    expect(rows.find((x) => x.externalId === "SKY-2002")).toMatchObject({ category: "traffic_collision" });
  });

  it("imports the SF open-data log: local times, duration in minutes, WKT points, derived ids", async () => {
    const r = await importFile(t.db, stream("sf-drone-log.csv"), options("flights", "sf-drone-log.csv"));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "sf-open-data", inserted: 3 });
    const rows = (await bySource("sf-open-data")).sort((x, y) => +x.launchedAt - +y.launchedAt);
    // 2025/10/06 09:15:00 AM Pacific daylight time = 16:15 UTC; landing 14 minutes later.
    expect(rows[0].launchedAt.toISOString()).toBe("2025-10-06T16:15:00.000Z");
    expect(rows[0].landedAt.toISOString()).toBe("2025-10-06T16:29:00.000Z");
    expect(rows[0]).toMatchObject({
      category: "burglary",
      destLon: -118.353,
      destLat: 33.8905,
      description: "1200 Main St, Lakemont",
    });
    expect(rows[1].launchedAt.toISOString()).toBe("2025-10-07T06:40:00.000Z");
    expect(rows[1].category).toBe("shots_fired");
    // Empty CAD type: the reason for flight is the call type.
    expect(rows[2]).toMatchObject({ category: "missing_person", callTypeRaw: "Missing person" });
    expect(rows[0].externalId).toMatch(/^nk-[0-9a-f]{32}$/);
    const again = await importFile(t.db, stream("sf-drone-log.csv"), options("flights", "sf-drone-log.csv"));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it("rejects absurd rows: a 30-hour flight, a point outside the city (an unmapped call type is no error)", async () => {
    const before = await flightCount();
    const r = await importFile(t.db, stream("sf-drone-log-bad.csv"), options("flights", "sf-drone-log-bad.csv"));
    expect(r.status).toBe("failed");
    expect(r.errors).toEqual([
      { line: 3, column: "flight_duration_minutes", reason: "a flight of 30 hours is longer than the 12-hour limit" },
      { line: 5, column: "point", reason: "coordinates 37.7749, -122.4194 are outside the city's region" },
    ]);
    expect(await flightCount()).toBe(before);
  });

  it("imports the canonical JSON, matching pilots by name whatever the case or spaces", async () => {
    const r = await importFile(t.db, stream("daylight-flights.json"), options("flights", "daylight-flights.json"));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "daylight-flights", inserted: 2 });
    const [one, two] = await bySource("daylight");
    expect(one).toMatchObject({ outcome: "cleared_no_patrol", firstOnScene: true, priority: 2, category: "burglary" });
    expect(two).toMatchObject({ category: "suspicious_person", callNumber: null, destLat: 33.885 });
    expect(one.pilotId).not.toBeNull();
    expect(one.pilotId).toBe(two.pilotId);
    const pilots = await t.db.select().from(personnel).where(eq(personnel.nameKey, "riley park"));
    expect(pilots).toHaveLength(1);
    expect(pilots[0].role).toBe("drone_pilot");
  });

  it("updates a flight whose landing time changed, and touches updated_at", async () => {
    const doc = JSON.parse(
      (await import("node:fs")).readFileSync(
        new URL("../fixtures/ingest/daylight-flights.json", import.meta.url),
        "utf8",
      ),
    );
    doc.rows[1].landed_at = "2025-10-11T04:25:00Z";
    const r = await importFile(t.db, [JSON.stringify(doc)], options("flights", "edited.json"));
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const [, two] = await bySource("daylight");
    expect(two.landedAt.toISOString()).toBe("2025-10-11T04:25:00.000Z");
    expect(+two.updatedAt).toBeGreaterThan(+two.createdAt);
  });

  it("leaves the database as it was when the file breaks off mid-import", async () => {
    const before = await flightCount();
    const header =
      "date,case_cad_event_number,flight_duration_minutes,reason_for_flight,call_type_original_desc,location,analysis_neighborhood,supervisor_district,point\n";
    async function* broken() {
      yield header;
      for (let i = 0; i < 30; i++)
        yield `2025/11/0${1 + (i % 9)} 10:${String(i).padStart(2, "0")}:00 AM,CAD-${i},10,Call for service,BURGLARY,${i} Main St,,3,POINT (-118.3530 33.8905)\n`;
      throw new Error("connection reset by peer");
    }
    const r = await importFile(t.db, broken(), options("flights", "broken.csv", { batchSize: 5 }));
    expect(r.status).toBe("failed");
    expect(r.fileError).toContain("connection reset by peer");
    expect(await flightCount()).toBe(before);
  });
});
