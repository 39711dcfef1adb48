// Call-type mapping as data: unmapped values import as "unclassified" and are reported; staff map
// them once and every affected row is reclassified (with its sensitive flag), audited.
import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, callTypeMappings, droneFlights } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { listUnmapped } from "../../db/queries/staff/call-types";
import { reportLines } from "../../lib/ingest/report";
import { mapCallType } from "../../server/content/call-types";
import { dbMode, type TestDb } from "../helpers/db";
import { options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const FILE = "sf-drone-log-unmapped.csv";
const actor = { actorType: "user" as const, actorId: "7", actorLabel: "Staff Tester" };
const flights = () =>
  t.db
    .select()
    .from(droneFlights)
    .where(eq(droneFlights.source, "sf-open-data"))
    .orderBy(asc(droneFlights.launchedAt), asc(droneFlights.externalId));

describe(`call-type mapping (${dbMode})`, () => {
  it("imports unmapped values as unclassified, keeps duplicate rows and rows without a place, reports counts", async () => {
    const r = await importFile(t.db, stream(FILE), options("flights", FILE));
    expect(r.errors).toEqual([]);
    // Two identical "Auto Boost" rows are two flights; the rows without a point import with no place.
    expect(r).toMatchObject({ status: "succeeded", format: "sf-open-data", inserted: 5 });
    expect(r.unmapped).toEqual([
      { value: "Auto Boost", count: 2 },
      { value: "Wellbeing check - residence", count: 2 },
    ]);
    expect(reportLines(r).join("\n")).toContain('4 rows imported as "Not yet classified": 2 call types');
    const rows = await flights();
    expect(rows.map((f) => f.category)).toEqual([
      "unclassified",
      "unclassified",
      "training",
      "unclassified",
      "unclassified",
    ]);
    expect(new Set(rows.slice(0, 2).map((f) => f.externalId)).size).toBe(2);
    expect(rows[4]).toMatchObject({ destLat: null, areaId: null, dockId: null });
    const again = await importFile(t.db, stream(FILE), options("flights", FILE));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
  });

  it("lists unmapped values for staff with counts and examples", async () => {
    const u = await listUnmapped({ db: t.db });
    expect(u).toEqual([
      { scope: "drones", key: "auto boost", examples: ["Auto Boost"], flights: 2, csoCalls: 0, searches: 0, total: 2 },
      {
        scope: "drones",
        key: "wellbeing check - residence",
        examples: expect.arrayContaining(["Wellbeing check - residence", "wellbeing   CHECK - residence"]),
        flights: 2,
        csoCalls: 0,
        searches: 0,
        total: 2,
      },
    ]);
  });

  it("mapping to a sensitive category reclassifies every affected row, makes it sensitive, and is audited", async () => {
    const r = await mapCallType(t.db, actor, "Wellbeing check - residence", "welfare_check");
    expect(r).toMatchObject({ ok: true, key: "wellbeing check - residence", flights: 2, csoCalls: 0 });
    const rows = (await flights()).filter((f) => f.callTypeRaw?.toLowerCase().includes("wellbeing"));
    expect(rows.map((f) => [f.category, f.sensitive])).toEqual([
      ["welfare_check", true],
      ["welfare_check", true],
    ]);
    const [m] = await t.db
      .select()
      .from(callTypeMappings)
      .where(eq(callTypeMappings.key, "wellbeing check - residence"));
    expect(m).toMatchObject({ category: "welfare_check", origin: "staff" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "call_type.map"), eq(auditLog.targetId, "wellbeing check - residence")));
    expect(audit).toMatchObject({ actorLabel: "Staff Tester" });
    expect(audit.details).toMatchObject({ from: null, to: "welfare_check", flights: 2 });
    expect((await listUnmapped({ db: t.db })).map((u) => u.key)).toEqual(["auto boost"]);
  });

  it("remapping moves the rows the old mapping covered; a later import uses the stored mapping", async () => {
    const r = await mapCallType(t.db, actor, "WELLBEING CHECK - RESIDENCE", "other");
    expect(r).toMatchObject({ ok: true, flights: 2 });
    const rows = (await flights()).filter((f) => f.callTypeRaw?.toLowerCase().includes("wellbeing"));
    expect(rows.map((f) => [f.category, f.sensitive])).toEqual([
      ["other", false],
      ["other", false],
    ]);
    const again = await importFile(t.db, stream(FILE), options("flights", FILE));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect(again.unmapped).toEqual([{ value: "Auto Boost", count: 2 }]);
  });

  it("refuses unknown categories, the unclassified category and values that are category names", async () => {
    expect(await mapCallType(t.db, actor, "Auto Boost", "no_such")).toMatchObject({ ok: false });
    expect(await mapCallType(t.db, actor, "Auto Boost", "unclassified")).toMatchObject({ ok: false });
    expect(await mapCallType(t.db, actor, "Welfare check", "theft")).toMatchObject({
      ok: false,
      message: expect.stringContaining("already"),
    });
    expect((await flights()).filter((f) => f.category === "unclassified")).toHaveLength(2);
  });
});
