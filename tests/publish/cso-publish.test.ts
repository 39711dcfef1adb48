// The CSO publisher against a real database: the 7-day delay, generalized time and place,
// sensitive calls, no raw identifiers or free text, stable ids, and the baseline comparison.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { csoPublisher } from "../../server/publish/cso";
import { rules } from "../../lib/publish/rules";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { TZ } from "./cso-fixture";
import { runPublishers } from "../helpers/publish";

const KEY = "test-pseudonym-key-0123456789";
// Relative to now: the demo city's pilot started a year before today.
const ASOF = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
const daysAgo = (d: number, minute = 17) => new Date(ASOF.getTime() - d * 86400_000 + minute * 60_000);
const SECRET = {
  narrative: "Canary narrative: resident at 14 Elm Court",
  callNumber: "CFS-CANARY-0042",
  officer: "Zebulon Canaryfield",
  lat: 33.884123,
  lon: -118.352987,
};
let t: TestDb;

async function publish(asOf = ASOF) {
  await runPublishers(t.db, [csoPublisher], { runId: 1, asOf, rules, pseudonymKey: KEY, timeZone: TZ });
}
const dump = async () =>
  JSON.stringify(
    await Promise.all([s.pubCsoCalls, s.pubBreakdowns, s.pubMetrics, s.pubCells].map((tb) => t.db.select().from(tb))),
  );

beforeAll(async () => {
  t = await createTestDb();
  const db = t.db;
  await db.insert(s.callCategories).values([
    { code: "theft", label: "Theft", grouping: "property" },
    { code: "welfare_check", label: "Welfare check", grouping: "service", sensitive: true },
  ]);
  const [area] = await db
    .insert(s.areas)
    .values({ slug: "old-town", name: "Old Town", population: 5000, boundary: { type: "Polygon", coordinates: [] } })
    .returning();
  const [agency] = await db.insert(s.agencies).values({ name: "City", nameKey: "city" }).returning();
  const [officer] = await db
    .insert(s.personnel)
    .values({ displayName: SECRET.officer, nameKey: SECRET.officer.toLowerCase(), agencyId: agency.id, role: "cso" })
    .returning();
  const base = {
    source: "test",
    callSource: "311" as const,
    areaId: area.id,
    officerId: officer.id,
    outcome: "resolved" as const,
    narrative: SECRET.narrative,
    callNumber: SECRET.callNumber,
  };
  const rows: (typeof s.csoActivities.$inferInsert)[] = [];
  // 30 theft calls on one block 20..49 days ago; one cleared 3 days ago (too recent).
  for (let i = 0; i < 30; i++) {
    const rec = daysAgo(20 + i);
    rows.push({
      ...base,
      externalId: `T-${i}`,
      category: "theft",
      receivedAt: rec,
      onSceneAt: new Date(rec.getTime() + 12 * 60_000),
      clearedAt: new Date(rec.getTime() + 45 * 60_000),
      // Clear of the demo city's sensitive sites, whose resolution-8 cells never publish.
      lat: 33.8781 + i * 1e-6,
      lon: -118.352,
      reportWritten: i % 2 === 0,
    });
  }
  rows.push({
    ...base,
    externalId: "RECENT",
    category: "theft",
    receivedAt: daysAgo(3),
    clearedAt: daysAgo(3, 50),
    lat: 33.8781,
    lon: -118.352,
  });
  rows.push({
    ...base,
    externalId: "SENSITIVE",
    category: "welfare_check",
    receivedAt: daysAgo(12, 133),
    onSceneAt: daysAgo(12, 140),
    clearedAt: daysAgo(12, 170),
    lat: SECRET.lat,
    lon: SECRET.lon,
    outcome: "referred",
    referrals: ["senior_services"],
  });
  await db.insert(s.csoActivities).values(rows);
  await db.insert(s.baselineResponses).values(
    Array.from({ length: 20 }, (_, i) => ({
      program: "cso" as const,
      category: "theft",
      receivedAt: new Date(daysAgo(400 + i)),
      onSceneAt: new Date(daysAgo(400 + i).getTime() + 30 * 60_000),
      clearedAt: new Date(daysAgo(400 + i).getTime() + 80 * 60_000),
    })),
  );
  await publish();
});
afterAll(async () => t?.close());

describe(`CSO publication (${dbMode})`, () => {
  it("publishes calls only 7 days after they close", async () => {
    const rows = await t.db.select().from(s.pubCsoCalls);
    expect(rows.length).toBe(31);
    const [ds] = await t.db
      .select()
      .from(s.pubDatasets)
      .where(sql`dataset = 'cso'`);
    expect(ds.cutoff.getTime()).toBe(ASOF.getTime() - rules.delayHours.csoActivities * 3600_000);
    expect(ds.rows).toBe(31);
  });

  it("leaks no names, call numbers, narratives or exact points", async () => {
    const text = await dump();
    for (const secret of [
      SECRET.narrative,
      "Elm Court",
      SECRET.callNumber,
      SECRET.officer,
      "Canaryfield",
      String(SECRET.lat),
      String(SECRET.lon),
      "33.8781",
      "-118.352,",
    ]) {
      expect(text).not.toContain(secret);
    }
    const cols = Object.keys(
      await t.db
        .select()
        .from(s.pubCsoCalls)
        .limit(1)
        .then((r) => r[0]),
    );
    for (const banned of ["narrative", "callNumber", "officerId", "lat", "lon"]) expect(cols).not.toContain(banned);
  });

  it("rounds times to the hour and places busy blocks in resolution-8 cells", async () => {
    const rows = await t.db
      .select()
      .from(s.pubCsoCalls)
      .where(sql`category = 'theft'`);
    for (const r of rows) {
      expect(r.receivedAt.getUTCMinutes()).toBe(0);
      expect(r.timePrecision).toBe("hour");
      expect(r.h3Res).toBe(8);
      expect(r.areaSlug).toBe("old-town");
      expect(r.responseMin).toBe(12);
      expect(r.localHour).not.toBeNull();
    }
  });

  it("gives a sensitive call the day only, a resolution-7 cell or none, and no outcome or referral", async () => {
    // The row log never names the sensitive category: "Protected call type" only.
    expect(
      await t.db
        .select()
        .from(s.pubCsoCalls)
        .where(sql`category = 'welfare_check'`),
    ).toEqual([]);
    const [r] = await t.db
      .select()
      .from(s.pubCsoCalls)
      .where(sql`sensitive`);
    expect(r).toMatchObject({
      category: "protected",
      categoryLabel: "Protected call type",
      sensitive: true,
      timePrecision: "day",
      localHour: null,
      areaSlug: null,
      areaName: null,
      outcome: null,
      referrals: null,
      responseMin: null,
      clearMin: null,
    });
    expect(r.h3Res === null || r.h3Res === 7).toBe(true);
    const local = new Intl.DateTimeFormat("en-US", {
      timeZone: TZ,
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    }).format(r.receivedAt);
    expect(local).toBe("00:00");
  });

  it("publishes rollups with suppression and the pre-pilot baseline", async () => {
    const m = new Map(
      (
        await t.db
          .select()
          .from(s.pubMetrics)
          .where(sql`dataset = 'cso'`)
      ).map((x) => [`${x.period}.${x.metric}`, x]),
    );
    expect(m.get("since_launch.calls")).toMatchObject({ value: 31, suppressed: false });
    expect(m.get("since_launch.median_response_min")).toMatchObject({ value: 12, suppressed: false });
    expect(m.get("since_launch.reports")).toMatchObject({ value: 15, suppressed: false });
    expect(m.get("since_launch.sensitive_calls")).toMatchObject({ value: null, suppressed: true });
    expect(m.get("baseline.median_response_min")).toMatchObject({ value: 30, suppressed: false });
    const cats = await t.db
      .select()
      .from(s.pubBreakdowns)
      .where(sql`dataset = 'cso' and breakdown = 'category' and period = 'since_launch'`);
    expect(cats.find((c) => c.key === "welfare_check")).toMatchObject({ count: null, suppressed: true });
    // With one other category, theft must be hidden too, or 31 - 30 would give the welfare check away.
    expect(cats.find((c) => c.key === "theft")).toMatchObject({ count: null, suppressed: true });
  });

  it("keeps public ids stable and replaces the old publication on the next run", async () => {
    const before = (await t.db.select({ id: s.pubCsoCalls.publicId }).from(s.pubCsoCalls)).map((r) => r.id).sort();
    await publish(new Date(ASOF.getTime() - 10 * 86400_000));
    const after = (await t.db.select({ id: s.pubCsoCalls.publicId }).from(s.pubCsoCalls)).map((r) => r.id).sort();
    expect(after.length).toBeLessThan(before.length);
    expect(after.every((id) => before.includes(id))).toBe(true);
    await publish();
    expect((await t.db.select({ id: s.pubCsoCalls.publicId }).from(s.pubCsoCalls)).map((r) => r.id).sort()).toEqual(
      before,
    );
  });
});
