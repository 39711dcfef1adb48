// Real vendor exports recognized from their header alone: plate-reader transparency-portal and
// organization search audits, San Francisco's drone log from its JSON API.
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { agencies, alprSearches, droneFlights, personnel } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { plateHmac } from "../../lib/ingest/plate";
import { dbMode, type TestDb } from "../helpers/db";
import { options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const KEY = "test-pseudonym-key";
const searches = (source: string) =>
  t.db.select().from(alprSearches).where(eq(alprSearches.source, source)).orderBy(asc(alprSearches.externalId));
const run = (name: string, dataset: "alpr_searches" | "flights" = "alpr_searches") =>
  importFile(t.db, stream(name), options(dataset, name, { pseudonymKey: KEY }));

describe(`vendor formats (${dbMode})`, () => {
  it("plate-reader transparency portal: id, userId, searchDate, cameraCount, reason", async () => {
    const r = await run("alpr-portal-audit.csv");
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "alpr-search-audit", inserted: 3 });
    const [a, b, c] = await searches("alpr-audit");
    expect(a).toMatchObject({ externalId: "9f1c2a40-0001", devicesSearched: 312, reason: "investigation" });
    expect(a).toMatchObject({ offenseType: null, caseNumber: null, plateHmac: null });
    expect(b.reason).toBe("UUV");
    expect(c).toMatchObject({ devicesSearched: 1, reason: "Daytime search for best result" });
    expect(a.personnelId).toBe(b.personnelId);
    expect(a.searchedAt.toISOString()).toBe("2025-10-01T14:03:11.000Z");
  });

  it("the same portal export with networkCount, and a blank reason kept as 'Not given'", async () => {
    const r = await run("alpr-portal-audit-networks.csv");
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ format: "alpr-search-audit", inserted: 2 });
    const rows = (await searches("alpr-audit")).filter((x) => x.externalId.startsWith("7b00e1"));
    expect(rows.map((x) => [x.networkCount, x.reason])).toEqual([
      [4, "stolen vehicle"],
      [2, "Not given"],
    ]);
  });

  it("organization audit, 10 columns: UTC times with a comma, networks, devices, window, type, moderation, redactions", async () => {
    const r = await run("alpr-org-audit.csv");
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "alpr-org-audit", inserted: 3 });
    const [a, b, c] = await searches("alpr-org-audit");
    expect(a).toMatchObject({
      externalId: "4410021",
      networkCount: 12,
      devicesSearched: 1843,
      reason: "stolen vehicle",
      searchType: "Vehicle Search",
      moderation: "Approved",
    });
    expect(a.searchedAt.toISOString()).toBe("2025-11-14T09:53:36.000Z");
    expect(a.windowStart?.toISOString()).toBe("2025-11-01T00:00:00.000Z");
    expect(a.windowEnd?.toISOString()).toBe("2025-11-14T23:59:59.000Z");
    const [ridgeview] = await t.db.select().from(agencies).where(eq(agencies.nameKey, "ridgeview police department"));
    expect(a.agencyId).toBe(ridgeview.id);
    // Redacted organization and reason: the search is kept, under the city's agency, reason "Not given".
    expect(b).toMatchObject({ reason: "Not given", moderation: null, devicesSearched: 97 });
    expect(c).toMatchObject({ windowStart: null, windowEnd: null, moderation: "Flagged", reason: "Not given" });
    const again = await run("alpr-org-audit.csv");
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
  });

  it("organization audit, 13 columns: a two-line Time Frame, redacted names, plates kept only as a keyed HMAC", async () => {
    const r = await run("alpr-org-audit-detailed.csv");
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "alpr-org-audit-detailed", inserted: 3 });
    const [a, b, c] = (await searches("alpr-org-audit")).filter((x) => x.externalId.startsWith("8812"));
    expect(a.windowStart?.toISOString()).toBe("2025-11-10T00:00:00.000Z");
    expect(a.windowEnd?.toISOString()).toBe("2025-11-14T23:59:59.000Z");
    expect(c.windowEnd?.toISOString()).toBe("2025-11-15T00:00:00.000Z");
    expect(a).toMatchObject({ caseNumber: "RPD-25-00871", searchType: "License Plate", networkCount: 5 });
    expect(b.caseNumber).toBeNull();
    // "7ABC123" and "7abc 123" are one plate: the same HMAC, and never the plate itself.
    expect(a.plateHmac).toBe(plateHmac("7ABC123", KEY));
    expect(b.plateHmac).toBe(a.plateHmac);
    expect(c.plateHmac).toBeNull();
    const stored = JSON.stringify(await searches("alpr-org-audit"));
    expect(stored).not.toMatch(/7abc ?123/i);
    expect(stored).not.toContain("white pickup");
    // REDACTED, *** and blank names are no name: one placeholder person per organization.
    const [who] = await t.db.select().from(personnel).where(eq(personnel.id, a.personnelId));
    expect(who.displayName).toBe("Unnamed user (not in the audit)");
    expect(b.personnelId).toBe(a.personnelId);
  });

  it("a plate without the pseudonym key is refused rather than stored in clear", async () => {
    const r = await importFile(t.db, stream("alpr-org-audit-detailed.csv"), options("alpr_searches", "x.csv"));
    expect(r.status).toBe("failed");
    expect(r.errors[0]).toMatchObject({ line: 2, column: "License Plate", reason: expect.stringContaining("keyed") });
  });

  it("San Francisco's JSON API: GeoJSON points, date-only dates at day precision, missing places and ids", async () => {
    const r = await run("sf-drone-log-api.json", "flights");
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "sf-open-data-api", inserted: 3 });
    const rows = await t.db
      .select()
      .from(droneFlights)
      .where(eq(droneFlights.source, "sf-open-data"))
      .orderBy(asc(droneFlights.launchedAt), asc(droneFlights.distanceFlownM));
    const byReason = new Map(rows.map((f) => [f.callTypeRaw, f]));
    const inv = byReason.get("Criminal Investigation")!;
    expect(inv).toMatchObject({
      category: "investigation",
      launchPrecision: "day",
      destLon: -118.353,
      destLat: 33.8905,
    });
    // Local midnight in the city's zone (Pacific daylight time in October).
    expect(inv.launchedAt.toISOString()).toBe("2025-10-06T07:00:00.000Z");
    expect(inv.landedAt.toISOString()).toBe("2025-10-06T07:14:00.000Z");
    expect(byReason.get("Training / Test")).toMatchObject({ category: "training", destLat: null, areaId: null });
    expect(byReason.get("SUSPICIOUS PERSON")).toMatchObject({ category: "suspicious_person" });
    const again = await run("sf-drone-log-api.json", "flights");
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
  });
});
