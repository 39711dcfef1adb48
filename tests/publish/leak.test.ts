// Query-level leak test: plant canaries in the raw tables, publish, then read EVERY published
// table and every public query's output, and fail on any canary or any coordinate near the
// sensitive point. Runs on PGlite and, with DATABASE_URL, on Postgres.
import { sql } from "drizzle-orm";
import { latLngToCell } from "h3-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFlightsNear, getFlight, listFlights } from "../../db/queries/public/drones";
import { getBreakdown, getCells, getMetrics } from "../../db/queries/public/rollups";
import { getHomeSummary } from "../../db/queries/public/home";
import { getLatestRun, listDatasetsAsOf } from "../../db/queries/public/publication";
import { queryRows } from "../../db/sql";
import { CANARY, plantCanaries } from "../../server/publish/canaries";
import { publicId } from "../../lib/publish/rules/public-id";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "./fixture";
import { findLeaks, findSiteLeaks } from "./leak-check";
import { getAccessLog, listCameras } from "../../db/queries/public/cameras";
import { city } from "../../lib/config/city";
import { SENSITIVE_SITE_CAMERAS } from "../../lib/cameras/vocab";

const KEY = "leak-test-pseudonym-key-0123456789";
let t: TestDb;
/**
 * What the publication shows near the point BEFORE the canaries exist: other flights' paths may
 * pass within 150 m of any spot in a small city. A leak is anything the canaries add.
 */
let baseline = new Set<string>();

async function publishedTablesLeaks(check = findLeaks): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(
    t.db,
    sql`select table_name as name from information_schema.tables
    where table_schema = 'public' and (table_name like 'pub\\_%' or table_name = 'publication_runs')`,
  );
  expect(tables.map((x) => x.name)).toContain("pub_flights");
  const leaks: string[] = [];
  for (const { name } of tables) {
    const rows = await queryRows<{ j: unknown }>(t.db, sql`select row_to_json(x) as j from ${sql.identifier(name)} x`);
    leaks.push(...check(JSON.stringify(rows.map((r) => r.j)), name));
  }
  return leaks;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db, 200);
  // The fixture has flights only (no CSO or camera rows yet): publish the drone tables for the baseline.
  await runPublish(t.db, {
    pseudonymKey: KEY,
    timeZone: "America/Los_Angeles",
    asOf: NOW,
    only: ["drones", "findings"],
  });
  baseline = new Set(await publishedTablesLeaks());
  await plantCanaries(t.db, { now: NOW, daysAgo: 10 });
  await runPublish(t.db, { pseudonymKey: KEY, timeZone: "America/Los_Angeles", asOf: NOW });
}, 600_000);
afterAll(async () => t?.close());

describe(`leak test (${dbMode})`, () => {
  it("the checker itself catches canaries, nearby coordinates and fine cells", () => {
    expect(findLeaks(`{"note":"${CANARY.note}"}`, "x").length).toBeGreaterThan(0);
    expect(
      findLeaks(`{"lat":${CANARY.sensitivePoint.lat},"lon":${CANARY.sensitivePoint.lon + 0.001}}`, "x").length,
    ).toBeGreaterThan(0);
    expect(
      findLeaks(`[${CANARY.sensitivePoint.lon + 0.0005},${CANARY.sensitivePoint.lat}]`, "x").length,
    ).toBeGreaterThan(0);
    expect(
      findLeaks(`lat ${CANARY.sensitivePoint.lat.toFixed(4)} and lon ${CANARY.sensitivePoint.lon.toFixed(4)}`, "x")
        .length,
    ).toBeGreaterThan(0);
    expect(findLeaks(`[${CANARY.sensitivePoint.lon + 0.01},${CANARY.sensitivePoint.lat}]`, "x")).toEqual([]);
  });

  it("the canary flights are published, generalized", async () => {
    const sensitive = await getFlight({ publicId: publicId("f", "canary", "CANARY-SENSITIVE-1", KEY), db: t.db });
    expect(sensitive).not.toBeNull();
    expect(sensitive!.path).toBeNull();
    expect(sensitive!.timePrecision).toBe("day");
    const normal = await getFlight({ publicId: publicId("f", "canary", "CANARY-NORMAL-1", KEY), db: t.db });
    expect(normal).not.toBeNull();
  });

  it("no published table holds a canary or a new coordinate within 150 m of the sensitive point", async () => {
    expect([...baseline].filter((l) => l.includes("canary"))).toEqual([]);
    const leaks = (await publishedTablesLeaks()).filter((l) => !baseline.has(l));
    expect(leaks).toEqual([]);
  });

  it("no public query returns one either", async () => {
    const db = t.db;
    const outputs = {
      list: await listFlights({ filters: {}, sort: "started", dir: "desc", page: 1, pageSize: 1000, db }),
      metrics: [...(await getMetrics({ dataset: "drones", db })).values()],
      breakdowns: await Promise.all(
        ["category", "outcome", "area", "hour", "duration", "week_group", "tts_month", "tts_category"].map((b) =>
          getBreakdown({ dataset: "drones", breakdown: b, db }),
        ),
      ),
      cells: await getCells({ dataset: "drones", db }),
      home: await getHomeSummary({ db }).then((h) => ({ ...h, datasets: [...h.datasets.values()] })),
      runs: [await getLatestRun({ db }), await listDatasetsAsOf({ db })],
      near: await findFlightsNear({
        place: { kind: "point", ...CANARY.sensitivePoint, radiusM: 500 },
        start: new Date(NOW.getTime() - 12 * 86400_000),
        end: NOW,
        db,
      }),
    };
    expect(outputs.list.rows.length).toBeGreaterThan(100);
    // Canary strings never; coordinates only if the same query output had them before the canaries.
    expect(findLeaks(JSON.stringify(outputs), "queries").filter((l) => l.includes("canary"))).toEqual([]);
    const near = findLeaks(JSON.stringify(outputs.list.rows), "list").filter((l) => l.includes("coordinate"));
    expect(near).toEqual([]);
  });

  it("the checker catches a sensitive site's name, a point near it and a fine cell at it", () => {
    const site = city().sensitiveSites[0];
    expect(findSiteLeaks(`<td>Camera near ${site.name.replace("'", "&#x27;")}</td>`, "x").length).toBeGreaterThan(0);
    expect(findSiteLeaks(`{"lat":${site.lat + 0.0003},"lon":${site.lon}}`, "x").length).toBeGreaterThan(0);
    expect(findSiteLeaks(`"${latLngToCell(site.lat, site.lon, 8)}"`, "x").length).toBeGreaterThan(0);
    expect(
      findSiteLeaks(`"${latLngToCell(site.lat, site.lon, 7)}" {"lat":${site.lat + 0.02},"lon":${site.lon}}`, "x"),
    ).toEqual([]);
  });

  it("cameras at sensitive sites (by place or by name) publish only as counts, their accesses only by area", async () => {
    const db = t.db;
    const cams = [...(await listCameras({ db })), ...(await listCameras({ db, plateReaders: true }))];
    expect(cams.some((c) => /orchard ln|lobby camera/i.test(c.name))).toBe(false);
    const counts = await getBreakdown({ db, dataset: "cameras", breakdown: SENSITIVE_SITE_CAMERAS, period: "current" });
    expect(counts.find((c) => c.key === "*")).toMatchObject({ suppressed: true, count: null });
    const log = await getAccessLog({ filters: {}, sort: "hour", dir: "desc", page: 1, pageSize: 1000, db });
    const atSites = log.rows.filter((r) => r.place.startsWith("camera at a sensitive site"));
    expect(atSites).toHaveLength(6);
    expect(atSites.every((r) => r.cameraPublicId === null)).toBe(true);
  });

  it("no published table or public query holds a sensitive site's name, a point near it or a fine cell at it", async () => {
    expect(await publishedTablesLeaks((text, where) => findSiteLeaks(text, where))).toEqual([]);
    const db = t.db;
    const outputs = {
      list: await listFlights({ filters: {}, sort: "started", dir: "desc", page: 1, pageSize: 1000, db }),
      cells: await getCells({ dataset: "drones", db }),
      cameras: await listCameras({ db }),
      log: await getAccessLog({ filters: {}, sort: "hour", dir: "desc", page: 1, pageSize: 1000, db }),
    };
    expect(findSiteLeaks(JSON.stringify(outputs), "queries")).toEqual([]);
  });
});
