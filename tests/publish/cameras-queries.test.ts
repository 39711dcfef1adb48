// The public read model behind /cameras and /plate-readers: filters, sort, paging and totals,
// checked against the published rows themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSearchLog } from "../../db/queries/public/alpr";
import { getAccessFilterOptions, getAccessLog } from "../../db/queries/public/cameras";
import { getBreakdown } from "../../db/queries/public/rollups";
import { pubAlprSearches, pubCameraAccesses } from "../../db/schema";
import { accessLogFilters, parseFilters } from "../../lib/cameras/log-filters";
import { NOT_BROKEN_DOWN, tableRows } from "../../lib/rollups";
import { alprPublisher } from "../../server/publish/alpr";
import { camerasPublisher } from "../../server/publish/cameras";
import { rules } from "../../lib/publish/rules";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { CAM_NOW, seedCameraFixture } from "./cameras-fixture";
import { runPublishers } from "../helpers/publish";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedCameraFixture(t.db);
  const ctx = {
    runId: 1,
    asOf: CAM_NOW,
    rules,
    pseudonymKey: "test-pseudonym-key-0123456789",
    timeZone: "America/Los_Angeles",
  };
  await runPublishers(t.db, [camerasPublisher, alprPublisher], ctx);
});
afterAll(async () => t?.close());

describe(`public camera queries (${dbMode})`, () => {
  it("filters the access log and counts exactly the matching accesses", async () => {
    const all = await t.db.select().from(pubCameraAccesses);
    const want = all.filter((r) => r.operation === "playback" && !r.linkedToCase);
    const r = await getAccessLog({
      db: t.db,
      filters: { operation: "playback", linked: "no" },
      sort: "hour",
      dir: "desc",
      page: 1,
      pageSize: 10,
    });
    expect(r.total).toBe(want.length);
    expect(r.rows.length).toBe(Math.min(10, want.length));
    for (const row of r.rows) expect(row).toMatchObject({ operation: "playback", linkedToCase: false });
    const hours = r.rows.map((x) => x.hour.getTime());
    expect([...hours].sort((a, b) => b - a)).toEqual(hours);
  });

  it("pages without repeating rows and sorts by place", async () => {
    const p1 = await getAccessLog({ db: t.db, filters: {}, sort: "place", dir: "asc", page: 1, pageSize: 25 });
    const p2 = await getAccessLog({ db: t.db, filters: {}, sort: "place", dir: "asc", page: 2, pageSize: 25 });
    const ids = new Set(p1.rows.map((r) => r.publicId));
    for (const r of p2.rows) expect(ids.has(r.publicId)).toBe(false);
    const places = [...p1.rows, ...p2.rows].map((r) => r.place);
    expect([...places].sort()).toEqual(places);
    expect(p1.total).toBe((await t.db.select().from(pubCameraAccesses)).length);
  });

  it("filters by date range and place; offers private places only by area", async () => {
    const opts = await getAccessFilterOptions({ db: t.db });
    expect(opts.places).toContain("private camera, North");
    expect(opts.places.some((p) => /Rosalind|Private 2/.test(p))).toBe(false);
    const r = await getAccessLog({
      db: t.db,
      filters: { place: "private camera, North" },
      sort: "hour",
      dir: "asc",
      page: 1,
      pageSize: 500,
    });
    expect(r.total).toBeGreaterThan(0);
    const day = r.rows[0].localDate;
    const one = await getAccessLog({
      db: t.db,
      filters: { from: day, to: day },
      sort: "hour",
      dir: "asc",
      page: 1,
      pageSize: 500,
    });
    for (const row of one.rows) expect(row.localDate).toBe(day);
  });

  it("reports bad filter values by field and keeps the good ones", () => {
    const r = parseFilters(accessLogFilters, {
      from: "2026-02-31x",
      operation: "export",
      to: "2025-01-01",
      reason: "curiosity",
    });
    expect(r.errors).toMatchObject({ from: expect.stringMatching(/date/), reason: expect.stringMatching(/reason/) });
    expect(r.filters).toEqual({ operation: "export", to: "2025-01-01" });
    const swapped = parseFilters(accessLogFilters, { from: "2026-02-01", to: "2026-01-01" });
    expect(swapped.errors.to).toMatch(/before the start/);
  });

  it("filters the plate-reader search log by reason", async () => {
    const all = await t.db.select().from(pubAlprSearches);
    const r = await getSearchLog({
      db: t.db,
      filters: { reason: "stolen_vehicle" },
      sort: "networks",
      dir: "desc",
      page: 1,
      pageSize: 25,
    });
    expect(r.total).toBe(all.filter((x) => x.reason === "stolen_vehicle").length);
    for (const row of r.rows) expect(row.reason).toBe("stolen_vehicle");
  });

  it("turns a weekly breakdown into chart rows with suppressed cells as null", async () => {
    const b = await getBreakdown({ db: t.db, dataset: "cameras", breakdown: "week_operation", period: "since_launch" });
    const { rows, series } = tableRows(b, { dateKeys: true });
    // Plus "not broken down" where a week's total is published but some of its cells are not.
    expect(series.map((s) => s.key).filter((k) => k !== NOT_BROKEN_DOWN.key)).toEqual([
      "live_view",
      "playback",
      "export",
      "share",
    ]);
    const suppressed = b.filter((x) => x.suppressed && x.key !== "*" && x.key2 !== "*").length;
    expect(rows.flatMap((r) => Object.values(r.values)).filter((v) => v === null).length).toBe(suppressed);
  });
});
