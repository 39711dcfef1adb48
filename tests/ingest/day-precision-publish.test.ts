// A flight whose source gives only the date (San Francisco's open-data JSON API) is stored with day
// precision and published without an hour: the flight log row carries the day only, and the
// hour-of-day chart leaves it out, while flights with a recorded time keep their hour.
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { importFile } from "../../server/ingest/import-file";
import { droneFlights, pubFlights } from "../../db/schema";
import { city } from "../../lib/config/city";
import { runPublish } from "../../server/publish/run";
import { baseFlights, countRowsSql, inPeriod, sumCountsBy } from "../../server/publish/drones/rollup-sql";
import { dbMode, type TestDb } from "../helpers/db";
import { options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

describe(`day-precision flights (${dbMode})`, () => {
  it("are stored with their precision and published with the date only, never an hour", async () => {
    const api = await importFile(t.db, stream("sf-drone-log-api.json"), options("flights", "sf-drone-log-api.json"));
    expect(api).toMatchObject({ status: "succeeded", format: "sf-open-data-api", inserted: 3 });
    const csv = await importFile(t.db, stream("sf-drone-log.csv"), options("flights", "sf-drone-log.csv"));
    expect(csv).toMatchObject({ status: "succeeded", format: "sf-open-data" });
    const timed = csv.status === "succeeded" ? csv.inserted : 0;
    expect(timed).toBeGreaterThan(0);

    const raw = await t.db.select({ p: droneFlights.launchPrecision }).from(droneFlights);
    expect(raw.filter((r) => r.p === "day")).toHaveLength(3);
    expect(raw.filter((r) => r.p === "time")).toHaveLength(timed);

    const asOf = new Date(Date.UTC(2025, 11, 1));
    const tz = city().timeZone;
    const run = await runPublish(t.db, {
      pseudonymKey: "test-pseudonym-key-0123456789",
      timeZone: tz,
      trigger: "test",
      asOf,
    });
    expect(run).toBeTruthy();

    const pub = await t.db.select().from(pubFlights);
    expect(pub).toHaveLength(3 + timed);
    const dayOnly = pub.filter((f) => f.timePrecision === "day");
    // The three API flights (none of them sensitive) carry the day only: no hour of day, started at local midnight.
    expect(dayOnly.filter((f) => !f.sensitive)).toHaveLength(3);
    for (const f of dayOnly) {
      expect(f.localHour).toBeNull();
      const local = new Intl.DateTimeFormat("en-GB", {
        timeZone: tz,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
      expect(local.format(f.startedAt)).toBe("00:00");
    }
    expect(dayOnly.map((f) => f.localDate).sort()).toEqual(
      expect.arrayContaining(["2025-10-06", "2025-10-06", "2025-10-07"]),
    );
    // Flights with a recorded time keep their hour.
    const hourly = pub.filter((f) => f.timePrecision === "hour");
    expect(hourly.length).toBeGreaterThan(0);
    for (const f of hourly) expect(f.localHour).not.toBeNull();

    // The hour-of-day chart counts only the flights whose hour is known.
    const base = baseFlights({ normal: asOf, sensitive: asOf }, tz);
    const rows = sql`select * from (${base}) b where ${inPeriod({ name: "since_launch", from: null, to: asOf })}`;
    const counts = await sumCountsBy(
      t.db,
      { counts: sql`select * from (${countRowsSql(rows)}) as s(local_date, dim, key, label, n)` },
      ["hour", "category"],
    );
    const inHours = counts.hour.reduce((s, k) => s + k.n, 0);
    expect(inHours).toBe(hourly.length);
    expect(counts.category.reduce((s, k) => s + k.n, 0)).toBe(pub.length);

    const [one] = await t.db.select().from(droneFlights).where(eq(droneFlights.launchPrecision, "day")).limit(1);
    expect(one.launchedAt).toBeInstanceOf(Date);
  });
});
