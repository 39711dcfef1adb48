import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pubAlprSearches, pubBreakdowns, pubMetrics, pubSharingAgreements } from "../../db/schema";
import { alprPublisher } from "../../server/publish/alpr";
import { camerasPublisher } from "../../server/publish/cameras";
import { rules } from "../../lib/publish/rules";
import { publicId } from "../../lib/publish/rules/public-id";
import { pseudonym } from "../../lib/publish/rules/pseudonym";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { recoverBySubtraction } from "./attacker";
import { CAM_NOW, SECRETS, seedCameraFixture } from "./cameras-fixture";
import { runPublishers } from "../helpers/publish";
import { installCallTaxonomy } from "../../server/seed/install";
import { deriveSearchCategories } from "../../db/queries/staff/call-types";

const KEY = "test-pseudonym-key-0123456789";
let t: TestDb;
let fx: Awaited<ReturnType<typeof seedCameraFixture>>;

beforeAll(async () => {
  t = await createTestDb();
  fx = await seedCameraFixture(t.db);
  // Search purposes are call categories, mapped from the raw reasons by the call-type mapping.
  await installCallTaxonomy(t.db);
  await deriveSearchCategories(t.db);
  const ctx = { runId: 1, asOf: CAM_NOW, rules, pseudonymKey: KEY, timeZone: "America/Los_Angeles" };
  await runPublishers(t.db, [camerasPublisher, alprPublisher], ctx);
});
afterAll(async () => t?.close());

describe(`plate-reader publication (${dbMode})`, () => {
  it("publishes searches with controlled reasons and offense types, never the raw text or case number", async () => {
    const rows = await t.db.select().from(pubAlprSearches);
    expect(rows.length).toBe(300);
    const byId = new Map(rows.map((r) => [r.publicId, r]));
    const s = (i: number) => byId.get(publicId("als", "test", `S-${i}`, KEY))!;
    expect(s(0)).toMatchObject({ reason: "stolen_vehicle", offenseType: "vehicle theft", linkedToCase: false });
    expect(s(1)).toMatchObject({ reason: "burglary", offenseType: "burglary", linkedToCase: true });
    expect(s(2)).toMatchObject({ reason: "missing_person", offenseType: "missing person" });
    expect(s(3)).toMatchObject({ reason: "unclassified", offenseType: "not_recorded" });
    expect(s(4)).toMatchObject({ reason: "unclassified", offenseType: "other" });
    expect(s(0).networks).toEqual(["Lakemont", "Harbor City PD"]);
    for (const r of rows) expect(r.hour.getUTCMinutes()).toBe(0);
    const dump = JSON.stringify([
      rows,
      await t.db.select().from(pubBreakdowns),
      await t.db.select().from(pubSharingAgreements),
    ]);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
    expect(dump).not.toContain("Jaywalking");
  });

  it("uses the same pseudonym for a person across cameras and plate readers", async () => {
    const rows = await t.db.select({ user: pubAlprSearches.user }).from(pubAlprSearches);
    const expected = new Set(fx.people.slice(0, 10).map((p) => pseudonym(p.id, KEY)));
    for (const r of rows) expect(expected.has(r.user)).toBe(true);
  });

  it("reports detections, hotlist hits, readers and retention for the last 30 days", async () => {
    const m = await t.db
      .select()
      .from(pubMetrics)
      .where(sql`dataset = 'alpr'`);
    const v = (period: string, metric: string) => m.find((x) => x.period === period && x.metric === metric);
    // Daily counts end 7 days before now (the search delay): 30 days of 2,000 detections and 2 hits.
    expect(v("last30", "detections")!.value).toBe(60_000);
    expect(v("last30", "hotlist_hits")!.value).toBe(60);
    expect(v("current", "readers")!.value).toBe(1);
    expect(v("current", "retention_days_max")!.value).toBe(30);
    expect(v("since_launch", "searches")!.value).toBe(300);
    expect(v("since_launch", "share_linked_to_case")!.value).toBeCloseTo(0.75, 3);
  });

  it("suppresses weekly search counts without giving them away by subtraction", async () => {
    const b = await t.db
      .select()
      .from(pubBreakdowns)
      .where(sql`dataset = 'alpr' and breakdown = 'week_reason'`);
    for (const r of b) if (r.count !== null) expect(r.count === 0 || r.count >= 11).toBe(true);
    const rowKeys = [...new Set(b.filter((r) => r.key !== "*").map((r) => r.key))];
    const colKeys = [...new Set(b.filter((r) => r.key2 !== "*").map((r) => r.key2))];
    const get = (k: string, k2: string) => {
      const x = b.find((r) => r.key === k && r.key2 === k2)!;
      return { value: x.count, suppressed: x.suppressed };
    };
    const table = {
      cells: rowKeys.map((k) => colKeys.map((c) => get(k, c))),
      rowTotals: rowKeys.map((k) => get(k, "*")),
      colTotals: colKeys.map((c) => get("*", c)),
      total: get("*", "*"),
    };
    expect(table.cells.flat().some((c) => c.suppressed)).toBe(true);
    expect(recoverBySubtraction(table)).toEqual([]);
  });

  it("publishes sharing agreements without who approved them", async () => {
    const s = await t.db.select().from(pubSharingAgreements);
    expect(s.map((x) => x.agency).sort()).toEqual(["Harbor City PD", "Regional Fusion Center"]);
    expect(Object.keys(s[0])).not.toContain("approvedBy");
  });
});
