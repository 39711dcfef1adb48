// Plate-reader searches and daily counts, CSO activities, recognition and file-level limits.
import { describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { alprDailyCounts, alprSearches, cameras, csoActivities, importRuns, personnel } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { dbMode, type TestDb } from "../helpers/db";
import { options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

describe(`plate readers, CSO and recognition (${dbMode})`, () => {
  it("imports a plate-reader search audit, one person per user id whatever the case", async () => {
    const r = await importFile(
      t.db,
      stream("alpr-search-audit.csv"),
      options("alpr_searches", "alpr-search-audit.csv"),
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "alpr-search-audit", inserted: 3 });
    const rows = await t.db.select().from(alprSearches).orderBy(asc(alprSearches.externalId));
    expect(rows[0].personnelId).toBe(rows[1].personnelId);
    expect(rows[2]).toMatchObject({ networkCount: 12, offenseType: "Missing person", source: "alpr-audit" });
    // 10/3/2025 9:12:00 local (PDT) = 16:12 UTC.
    expect(rows[2].searchedAt.toISOString()).toBe("2025-10-03T16:12:00.000Z");
    expect(await t.db.select().from(personnel).where(eq(personnel.nameKey, "deputy.kim"))).toHaveLength(1);
  });

  it("imports canonical searches from a JSON array, with network lists", async () => {
    const r = await importFile(
      t.db,
      stream("daylight-alpr-searches.json"),
      options("alpr_searches", "daylight-alpr-searches.json"),
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", inserted: 2 });
    const [a, b] = await t.db
      .select()
      .from(alprSearches)
      .where(eq(alprSearches.source, "daylight"))
      .orderBy(asc(alprSearches.externalId));
    expect(a).toMatchObject({ networks: ["Lakemont", "Bayside"], networkCount: 2, caseNumber: "LKM-25-000777" });
    expect(b).toMatchObject({ networkCount: 40 });
    expect(a.personnelId).toBe(b.personnelId);
  });

  it("imports daily counts for readers in the inventory and replaces a re-imported day", async () => {
    await importFile(t.db, stream("daylight-cameras.csv"), options("cameras", "daylight-cameras.csv"));
    const r = await importFile(
      t.db,
      stream("daylight-alpr-daily.csv"),
      options("alpr_daily", "daylight-alpr-daily.csv"),
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", inserted: 2 });
    const again = await importFile(
      t.db,
      ["camera,day,detections,hotlist_hits\nALPR Grant Ave North,2025-10-02,4000,2\n"],
      options("alpr_daily", "fix.csv"),
    );
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    const rows = await t.db.select().from(alprDailyCounts).orderBy(asc(alprDailyCounts.day));
    expect(rows.map((x) => [x.day, x.detections])).toEqual([
      ["2025-10-01", 4210],
      ["2025-10-02", 4000],
    ]);
    const bad = await importFile(
      t.db,
      ["camera,day,detections,hotlist_hits\nALPR Grant Ave North,2025-10-03,10,11\n"],
      options("alpr_daily", "bad.csv"),
    );
    expect(bad.errors[0]).toMatchObject({
      line: 2,
      column: "hotlist_hits",
      reason: "more hotlist hits than detections",
    });
  });

  it("re-importing the camera inventory with other spelling updates instead of duplicating", async () => {
    const n = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(cameras))[0].n);
    const before = await n();
    const r = await importFile(
      t.db,
      [
        "name,kind,owner,site_name,lat,lon,retention_days\n  alpr grant ave NORTH ,plate_reader,city,Grant Ave & 9th St,33.8880,-118.3610,60\n",
      ],
      options("cameras", "cams.csv"),
    );
    expect(r).toMatchObject({ status: "succeeded", inserted: 0, updated: 1 });
    expect(await n()).toBe(before);
  });

  it("imports CSO activities with referrals, categories by code or call type, and areas by slug", async () => {
    const r = await importFile(
      t.db,
      stream("daylight-cso-activities.csv"),
      options("cso_activities", "daylight-cso-activities.csv"),
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", inserted: 2 });
    const [a, b] = await t.db.select().from(csoActivities).orderBy(asc(csoActivities.externalId));
    expect(a).toMatchObject({
      category: "vehicle_burglary",
      reportWritten: true,
      fingerprintsCollected: true,
      narrative: "Took report; victim's car window broken",
    });
    expect(a.areaId).not.toBeNull();
    expect(b).toMatchObject({
      category: "welfare_check",
      referrals: ["mental_health", "housing"],
      swornBackupRequested: true,
    });
    expect(b.officerId).toBe(a.officerId);
  });

  it("names the known formats when the header matches none, and says which dataset it looks like", async () => {
    const r = await importFile(t.db, stream("unknown-header.csv"), options("flights", "unknown-header.csv"));
    expect(r.status).toBe("failed");
    expect(r.fileError).toContain("match no flights format");
    expect(r.fileError).toContain("skydio");
    expect(r.fileError).toContain("flight_duration_minutes");
    const wrong = await importFile(t.db, stream("alpr-search-audit.csv"), options("flights", "alpr-search-audit.csv"));
    expect(wrong.fileError).toContain("looks like alpr_searches (alpr-search-audit)");
    const named = await importFile(
      t.db,
      stream("alpr-search-audit.csv"),
      options("alpr_searches", "a.csv", { format: "daylight-alpr-searches" }),
    );
    expect(named.fileError).toContain(
      "lacks columns the daylight-alpr-searches format requires: external_id, user, searched_at",
    );
  });

  it("refuses a file over the size limit, and records every failed import", async () => {
    const r = await importFile(t.db, stream("vms-audit.csv"), options("camera_access", "big.csv", { maxBytes: 100 }));
    expect(r).toMatchObject({ status: "failed", failure: "too_large" });
    expect(r.fileError).toContain("larger than the 100 bytes limit");
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, r.runId));
    expect(run).toMatchObject({ status: "failed", fileName: "big.csv" });
  });

  it("lists the first 50 row errors and counts the rest", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `x-${i},someone,2099-01-01T00:00:00Z,reason`).join("\n");
    const r = await importFile(
      t.db,
      [`external_id,user,searched_at,reason\n${rows}\n`],
      options("alpr_searches", "future.csv"),
    );
    expect(r.status).toBe("failed");
    expect(r.errors).toHaveLength(50);
    expect(r.moreErrors).toBe(70);
    expect(r.errors[0]).toMatchObject({
      line: 2,
      column: "searched_at",
      reason: expect.stringContaining("in the future"),
    });
  });
});
