// Mapping scopes (issue 17): the same raw words in two vendors' files are two values for staff, one
// per dataset; a mapping saved for one dataset reclassifies and classifies that dataset's records
// only, and wins there over a mapping for every dataset (the shipped defaults), which still applies
// to the others.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { alprSearches, callTypeMappings, droneFlights } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { listUnmapped } from "../../db/queries/staff/call-types";
import { mapCallType } from "../../server/content/call-types";
import { dbMode, type TestDb } from "../helpers/db";
import { options, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const actor = { actorType: "user" as const, actorId: "7", actorLabel: "Staff Tester" };
const FLIGHT_HEAD =
  "date,case_cad_event_number,flight_duration_minutes,reason_for_flight,call_type_original_desc,location,analysis_neighborhood,supervisor_district,point";
const flightFile = (rows: string[]) => [FLIGHT_HEAD, ...rows].join("\n") + "\n";
const searchFile = (rows: string[]) => ["id,userId,searchDate,cameraCount,reason", ...rows].join("\n") + "\n";
const load = (dataset: "flights" | "alpr_searches", name: string, text: string) =>
  importFile(t.db, Readable.from([Buffer.from(text)]), options(dataset, name));
const flightCats = async () =>
  (
    await t.db
      .select({ raw: droneFlights.callTypeRaw, category: droneFlights.category })
      .from(droneFlights)
      .orderBy(asc(droneFlights.launchedAt))
  ).map((f) => `${f.raw}=${f.category}`);
const searchCats = async () =>
  (
    await t.db
      .select({ raw: alprSearches.reason, category: alprSearches.category })
      .from(alprSearches)
      .orderBy(asc(alprSearches.externalId))
  ).map((s) => `${s.raw}=${s.category}`);

describe(`call-type mapping scopes (${dbMode})`, () => {
  it("lists the same raw value once per dataset, each with its own count", async () => {
    expect(
      await load(
        "flights",
        "scopes-flights.csv",
        flightFile(["2025/10/08 10:00:00 AM,,12,Auto Boost,,,,,", "2025/10/08 11:00:00 AM,,9,Auto Boost,,,,,"]),
      ),
    ).toMatchObject({ status: "succeeded", inserted: 2 });
    expect(
      await load(
        "alpr_searches",
        "scopes-searches.csv",
        searchFile(["s-0001,u-1,2025-10-08T15:12:44.000Z,12,Auto Boost", "s-0002,u-1,2025-10-08T16:00:00.000Z,3,UUV"]),
      ),
    ).toMatchObject({ status: "succeeded", inserted: 2 });
    const u = await listUnmapped({ db: t.db });
    expect(u.map((v) => [v.scope, v.key, v.total])).toEqual([
      ["drones", "auto boost", 2],
      ["alpr", "auto boost", 1],
    ]);
  });

  it("a mapping saved for one dataset reclassifies that dataset only", async () => {
    const r = await mapCallType(t.db, actor, "Auto Boost", "training", "drones");
    expect(r).toMatchObject({ ok: true, scope: "drones", flights: 2, csoCalls: 0, searches: 0 });
    expect(await flightCats()).toEqual(["Auto Boost=training", "Auto Boost=training"]);
    expect(await searchCats()).toEqual(["Auto Boost=unclassified", "UUV=stolen_vehicle"]);
    expect((await listUnmapped({ db: t.db })).map((v) => [v.scope, v.key])).toEqual([["alpr", "auto boost"]]);
    const r2 = await mapCallType(t.db, actor, "auto boost", "investigation", "alpr");
    expect(r2).toMatchObject({ ok: true, scope: "alpr", flights: 0, searches: 1 });
    expect(await flightCats()).toEqual(["Auto Boost=training", "Auto Boost=training"]);
    expect(await searchCats()).toEqual(["Auto Boost=investigation", "UUV=stolen_vehicle"]);
    const rows = await t.db
      .select({ scope: callTypeMappings.scope, category: callTypeMappings.category })
      .from(callTypeMappings)
      .where(eq(callTypeMappings.key, "auto boost"))
      .orderBy(asc(callTypeMappings.scope));
    expect(rows).toEqual([
      { scope: "alpr", category: "investigation" },
      { scope: "drones", category: "training" },
    ]);
  });

  it("later imports use their dataset's mapping first, then the one for every dataset", async () => {
    // "UUV" maps to stolen vehicle for every dataset (shipped default); drones get their own.
    expect(await mapCallType(t.db, actor, "UUV", "training", "drones")).toMatchObject({ ok: true, flights: 0 });
    await load("flights", "scopes-flights-2.csv", flightFile(["2025/10/09 10:00:00 AM,,12,UUV,,,,,"]));
    await load(
      "alpr_searches",
      "scopes-searches-2.csv",
      searchFile(["s-0003,u-1,2025-10-09T15:12:44.000Z,12,UUV", "s-0004,u-1,2025-10-09T16:00:00.000Z,3,Auto Boost"]),
    );
    expect(await flightCats()).toEqual(["Auto Boost=training", "Auto Boost=training", "UUV=training"]);
    expect(await searchCats()).toEqual([
      "Auto Boost=investigation",
      "UUV=stolen_vehicle",
      "UUV=stolen_vehicle",
      "Auto Boost=investigation",
    ]);
  });
});
