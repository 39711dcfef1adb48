import { eq, sql } from "drizzle-orm";
import { getResolution } from "h3-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { droneFlights, pubDatasets, pubBreakdowns, pubMetrics, pubFlights, publicationRuns } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { publishers } from "../../server/publish/publishers";
import { distanceM, pointsOf } from "../../lib/publish/rules/path";
import { runPublish } from "../../server/publish/run";
import { openDb } from "../../db/client";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { DOCK, NOW, seedFixture } from "./fixture";

const KEY = "test-pseudonym-key-0123456789";
// Only this vertical's publishers (and the failing one the atomicity test adds): the fixture
// has no camera or CSO data.
const opts = { pseudonymKey: KEY, timeZone: "America/Los_Angeles", asOf: NOW, only: ["drones", "findings", "boom"] };
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db);
  // Every test starts from a publication of the fixture, whichever of them runs (or runs first).
  await runPublish(t.db, opts);
}, 600_000);
afterAll(async () => t?.close());

describe(`drone publication (${dbMode})`, () => {
  it("publishes only flights past their delay, with generalized place and rounded time", async () => {
    const s = await runPublish(t.db, opts);
    expect(s.sourceCounts.drone_flights).toBeGreaterThan(300);
    const raw = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from drone_flights f where (not f.sensitive and f.landed_at <= ${new Date(NOW.getTime() - 24 * 3600_000).toISOString()}::timestamptz) or (f.sensitive and f.landed_at <= ${new Date(NOW.getTime() - 7 * 24 * 3600_000).toISOString()}::timestamptz)`,
    );
    const pub = await t.db.select().from(pubFlights);
    expect(pub.length).toBe(raw[0].n);
    for (const f of pub) {
      expect(f.startedAt.getTime()).toBeLessThan(NOW.getTime() - 24 * 3600_000);
      expect(f.startedAt.getUTCMinutes()).toBe(0);
      if (f.sensitive) {
        expect(f.path).toBeNull();
        expect(f.timePrecision).toBe("day");
        expect(f.localHour).toBeNull();
        expect(f.areaSlug).toBeNull();
        expect(f.outcome).toBeNull();
        if (f.h3Cell) expect(getResolution(f.h3Cell)).toBe(7);
      } else {
        expect(f.timePrecision).toBe("hour");
        if (f.h3Cell) expect([7, 8]).toContain(getResolution(f.h3Cell));
      }
    }
    expect(pub.some((f) => f.path && f.path.coordinates.length >= 2)).toBe(true);
  });

  it("keeps destinations out of published paths", async () => {
    const raw = await t.db
      .select({ externalId: droneFlights.externalId, lat: droneFlights.destLat, lon: droneFlights.destLon })
      .from(droneFlights);
    const { publicId } = await import("../../lib/publish/rules/public-id");
    const dest = new Map(raw.map((r) => [publicId("f", "test", r.externalId, KEY), r]));
    const pub = await t.db.select({ publicId: pubFlights.publicId, path: pubFlights.path }).from(pubFlights);
    let checked = 0;
    for (const f of pub) {
      if (!f.path) continue;
      const d = dest.get(f.publicId)!;
      for (const [lon, lat] of f.path.coordinates) expect(distanceM(lat, lon, d.lat!, d.lon!)).toBeGreaterThan(390);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("public ids are stable across publications", async () => {
    const before = (await t.db.select({ id: pubFlights.publicId }).from(pubFlights)).map((r) => r.id).sort();
    await runPublish(t.db, opts);
    const after = (await t.db.select({ id: pubFlights.publicId }).from(pubFlights)).map((r) => r.id).sort();
    expect(after).toEqual(before);
  });

  it("never publishes a count between 1 and 10, and records the run", async () => {
    const rows = await t.db.select().from(pubBreakdowns).where(eq(pubBreakdowns.dataset, "drones"));
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) if (r.count !== null) expect(r.count === 0 || r.count >= 11).toBe(true);
    for (const r of rows) if (r.suppressed) expect(r.count).toBeNull();
    const metrics = await t.db.select().from(pubMetrics).where(eq(pubMetrics.dataset, "drones"));
    const flights = metrics.find((m) => m.period === "since_launch" && m.metric === "flights")!;
    expect(flights.value).toBeGreaterThan(300);
    const [ds] = await t.db
      .select()
      .from(pubDatasets)
      .where(sql`dataset = 'drones'`);
    expect(ds.delayHours).toBe(24);
    // Other tests add failing runs on purpose; the good ones each record their rules and counts.
    const runs = await t.db.select().from(publicationRuns).orderBy(publicationRuns.id);
    const good = runs.filter((r) => r.status === "succeeded");
    expect(good.length).toBeGreaterThan(0);
    expect(good.every((r) => r.rulesVersion.length > 0 && r.sourceCounts.drone_flights > 0)).toBe(true);
    expect(runs[0].status).toBe("succeeded");
  });

  it("derives path_xy from the recorded GeoJSON in the database, for every writer", async () => {
    const coordinates = [
      [-118.3618, 33.8838],
      [-118.35, "x"],
      [-118.344, 33.896, 12.5],
      [-118.3401234567891, 33.81],
    ];
    const [f] = await t.db.select().from(droneFlights).limit(1);
    const { id: _id, pathXy: _xy, ...copy } = f;
    const [row] = await t.db
      .insert(droneFlights)
      .values({
        ...copy,
        externalId: "path-xy-check",
        path: { type: "LineString", coordinates: coordinates as [number, number][] },
      })
      .returning({ id: droneFlights.id, xy: droneFlights.pathXy });
    try {
      expect([...pointsOf(row.xy!)]).toEqual([
        -118.3618,
        33.8838,
        NaN,
        NaN,
        -118.344,
        33.896,
        -118.3401234567891,
        33.81,
      ]);
      // An update of the path updates it; no coordinates array means no points.
      await t.db
        .update(droneFlights)
        .set({ path: { type: "LineString", coordinates: [] } })
        .where(sql`id = ${row.id}`);
      const [after] = await t.db
        .select({ xy: droneFlights.pathXy })
        .from(droneFlights)
        .where(sql`id = ${row.id}`);
      expect(after.xy).toBeNull();
    } finally {
      await t.db.delete(droneFlights).where(sql`id = ${row.id}`);
    }
  });

  it("keeps published paths clear of a sensitive flight's scene while that flight is still within its delay", async () => {
    const { publicId } = await import("../../lib/publish/rules/public-id");
    const [f] = await t.db.select().from(droneFlights).limit(1);
    const { id: _id, pathXy: _xy, ...base } = f;
    const far = { lat: DOCK.lat, lon: DOCK.lon + 0.04 };
    const scene = { lat: DOCK.lat, lon: DOCK.lon + 0.013 };
    const out = Array.from(
      { length: 41 },
      (_, k) => [DOCK.lon + ((far.lon - DOCK.lon) * k) / 40, DOCK.lat + (k % 2) * 0.0003] as [number, number],
    );
    const launched = new Date(NOW.getTime() - 2 * 86400_000);
    const open = {
      ...base,
      externalId: "exclusion-open",
      category: "theft",
      sensitive: false,
      callNumber: null,
      dispatchedAt: null,
      onSceneAt: null,
      launchedAt: launched,
      landedAt: new Date(launched.getTime() + 1200_000),
      destLat: far.lat,
      destLon: far.lon,
      path: { type: "LineString" as const, coordinates: [...out, ...out.slice(0, -1).reverse()] },
    };
    const near = async () => {
      const [row] = await t.db
        .select({ path: pubFlights.path })
        .from(pubFlights)
        .where(sql`public_id = ${publicId("f", open.source, open.externalId, KEY)}`);
      return row.path!.coordinates.filter(([lon, lat]) => distanceM(lat, lon, scene.lat, scene.lon) < 200).length;
    };
    const inserted: number[] = [];
    try {
      inserted.push(
        ...(await t.db.insert(droneFlights).values(open).returning({ id: droneFlights.id })).map((r) => r.id),
      );
      await runPublish(t.db, opts);
      expect(await near()).toBeGreaterThan(0);
      // A sensitive flight to that spot a day later: landed a day before the publication, so it is
      // not published itself (7 days), and the open flight's path must not point at its scene.
      const sensitiveLaunch = new Date(NOW.getTime() - 86400_000 - 1200_000);
      inserted.push(
        ...(
          await t.db
            .insert(droneFlights)
            .values({
              ...open,
              externalId: "exclusion-sensitive",
              category: "domestic_violence",
              sensitive: true,
              launchedAt: sensitiveLaunch,
              landedAt: new Date(NOW.getTime() - 86400_000),
              destLat: scene.lat,
              destLon: scene.lon,
            })
            .returning({ id: droneFlights.id })
        ).map((r) => r.id),
      );
      await runPublish(t.db, opts);
      expect(
        await t.db
          .select()
          .from(pubFlights)
          .where(sql`public_id = ${publicId("f", open.source, "exclusion-sensitive", KEY)}`),
      ).toHaveLength(0);
      expect(await near()).toBe(0);
    } finally {
      for (const id of inserted) await t.db.delete(droneFlights).where(sql`id = ${id}`);
      await runPublish(t.db, opts);
    }
  });

  it("a failing publisher leaves the previous publication serving", async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
    const [ds0] = await t.db
      .select()
      .from(pubDatasets)
      .where(sql`dataset = 'drones'`);
    // New raw data arrives, then a later publisher fails after drones has rewritten its tables.
    await t.db.insert(droneFlights).values({
      source: "test",
      externalId: "late-1",
      category: "theft",
      launchedAt: new Date(NOW.getTime() - 5 * 86400_000),
      landedAt: new Date(NOW.getTime() - 5 * 86400_000 + 600_000),
      outcome: "other",
    });
    publishers.push({
      name: "boom",
      run: async () => {
        throw new Error("boom");
      },
    });
    try {
      await expect(runPublish(t.db, opts)).rejects.toThrow("boom");
    } finally {
      publishers.pop();
    }
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
    expect(after[0].n).toBe(before[0].n);
    const [ds1] = await t.db
      .select()
      .from(pubDatasets)
      .where(sql`dataset = 'drones'`);
    expect(ds1.runId).toBe(ds0.runId);
    const runs = await t.db.select().from(publicationRuns).orderBy(publicationRuns.id);
    expect(runs[runs.length - 1].status).toBe("failed");
    expect(runs[runs.length - 1].error).toContain("boom");
    expect(await leftovers()).toEqual([]);
    // And the next good run picks the new flight up.
    await runPublish(t.db, opts);
    const again = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
    expect(again[0].n).toBe(before[0].n + 1);
  });

  it("a failing build (on Postgres, beside the others on its own connection) leaves nothing half-built", async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
    await t.db.insert(droneFlights).values({
      source: "test",
      externalId: "late-2",
      category: "theft",
      launchedAt: new Date(NOW.getTime() - 5 * 86400_000),
      landedAt: new Date(NOW.getTime() - 5 * 86400_000 + 600_000),
      outcome: "other",
    });
    publishers.push({
      name: "boom",
      build: async () => {
        throw new Error("boom in build");
      },
      run: async () => ({ sourceCounts: {}, publishedCounts: {}, cellsSuppressed: 0 }),
    });
    try {
      await expect(runPublish(t.db, opts)).rejects.toThrow("boom in build");
    } finally {
      publishers.pop();
    }
    // The other datasets' builds finished and committed their tables beside the served ones; they are gone again.
    expect(await leftovers()).toEqual([]);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
    expect(after[0].n).toBe(before[0].n);
    await runPublish(t.db, opts);
    const again = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
    expect(again[0].n).toBe(before[0].n + 1);
  });

  // Only Postgres builds side by side on other connections; PGlite builds inside the publication's own transaction.
  // Both ways a publication runs: a full one (builds in their own transactions, in the publication's
  // exported snapshot) and an incremental one (one repeatable-read transaction, rollups beside it).
  it.runIf(dbMode === "postgres").each([{ full: true }, { full: false }])(
    "builds on other connections read the raw data as the publication saw it, even when an import commits meanwhile (full: $full)",
    async ({ full }) => {
      const flightsMetric = async () =>
        (
          await t.db
            .select()
            .from(pubMetrics)
            .where(sql`dataset = 'drones' and metric = 'flights' and period = 'since_launch'`)
        )[0].value!;
      const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
      const metricBefore = await flightsMetric();
      const drones = publishers.find((p) => p.name === "drones")!;
      const build = drones.build!;
      // An import commits a flight after the publication has begun, before the flight log's build reads.
      drones.build = async (ctx) => {
        await t.db.insert(droneFlights).values({
          source: "test",
          externalId: `late-3-${full}`,
          category: "theft",
          launchedAt: new Date(NOW.getTime() - 5 * 86400_000),
          landedAt: new Date(NOW.getTime() - 5 * 86400_000 + 600_000),
          outcome: "other",
        });
        return build(ctx);
      };
      // Two connections: one build lane beside the publication, so the parts' transactions begin only
      // after the flight log's build (and the flight) have committed.
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${t.name}`;
      const two = await openDb({ url: url.toString(), max: 2 });
      try {
        const r = await runPublish(two.db, { ...opts, full });
        expect(r.scopes.drones.startsWith("full")).toBe(full);
      } finally {
        drones.build = build;
        await two.close();
      }
      const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
      expect(after[0].n).toBe(before[0].n);
      // The rollups, built on yet another connection, do not count it either.
      expect(await flightsMetric()).toBe(metricBefore);
      await runPublish(t.db, opts);
      const again = await t.db.select({ n: sql<number>`count(*)::int` }).from(pubFlights);
      expect(again[0].n).toBe(before[0].n + 1);
      expect(await flightsMetric()).toBe(metricBefore + 1);
    },
  );
});

const leftovers = async () =>
  (await queryRows<{ relname: string }>(t.db, sql`select relname from pg_class where relname like '%\\_\\_next'`)).map(
    (r) => r.relname,
  );

describe(`published rollups resist subtraction (${dbMode})`, () => {
  it("no suppressed weekly count can be recovered from the published weekly and group totals", async () => {
    const { recoverBySubtraction } = await import("./attacker");
    const rows = (await t.db.select().from(pubBreakdowns).where(eq(pubBreakdowns.dataset, "drones"))).filter(
      (r) => r.breakdown === "week_group" && r.period === "since_launch",
    );
    const weeks = [...new Set(rows.filter((r) => r.key !== "*").map((r) => r.key))].sort();
    const groups = [...new Set(rows.filter((r) => r.key2 !== "*").map((r) => r.key2))].sort();
    const at = (k: string, k2: string) => {
      const r = rows.find((x) => x.key === k && x.key2 === k2)!;
      return { value: r.suppressed ? null : r.count, suppressed: r.suppressed };
    };
    const table = {
      cells: weeks.map((w) => groups.map((g) => at(w, g))),
      rowTotals: weeks.map((w) => at(w, "*")),
      colTotals: groups.map((g) => at("*", g)),
      total: at("*", "*"),
    };
    expect(table.cells.flat().some((c) => c.suppressed)).toBe(true); // the test has something to attack
    expect(recoverBySubtraction(table)).toEqual([]);
    // Every 1-D breakdown against its published total, too.
    for (const b of ["category", "outcome", "hour", "duration", "area"]) {
      const s = (await t.db.select().from(pubBreakdowns).where(eq(pubBreakdowns.dataset, "drones"))).filter(
        (r) => r.breakdown === b && r.period === "since_launch",
      );
      const cells = s
        .filter((r) => r.key !== "*")
        .map((r) => ({ value: r.suppressed ? null : r.count, suppressed: r.suppressed }));
      const total = s.find((r) => r.key === "*")!;
      expect(
        recoverBySubtraction({
          cells: [cells],
          rowTotals: [{ value: total.suppressed ? null : total.count, suppressed: total.suppressed }],
        }),
      ).toEqual([]);
    }
  });
});
