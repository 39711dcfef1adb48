// Rollups summed from per-local-date partial counts (server/publish/grouping-sets.ts) equal the
// groupings counted from the published log's rows (tests/helpers/groupings.ts), for periods that start and end at any instant: mid-day, at local
// midnight, a few hours long, across a daylight-saving change, and beyond the log's ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { runPublishers } from "../helpers/publish";
import { CAM_NOW, seedCameraFixture } from "./cameras-fixture";
import { camerasPublisher } from "../../server/publish/cameras";
import { CAMERA_DIMS, CAMERA_SCANS } from "../../server/publish/cameras-rollups";
import { countGroupingsDated, type GroupCount } from "../../server/publish/grouping-sets";
import { groupingsOfRows } from "../helpers/groupings";
import { queryRows } from "../../db/sql";
import { rules } from "../../lib/publish/rules";
import { startOfLocalDay } from "../../lib/time";

const TZ = "America/Los_Angeles";
const HOUR = 3600_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedCameraFixture(t.db);
  await runPublishers(t.db, [camerasPublisher], {
    runId: 1,
    asOf: CAM_NOW,
    rules,
    pseudonymKey: "test-pseudonym-key-0123456789",
    timeZone: TZ,
  });
});
afterAll(async () => t?.close());

const SETS = {
  weekOperation: ["week", "operation"],
  reason: ["reason"],
  userRole: ["user", "role"],
  agency: ["agency"],
  place: ["place"],
} satisfies Record<string, [string] | [string, string]>;

const sorted = (rows: GroupCount[]) =>
  [...rows].sort((a, b) => (a.k1 + "\u0000" + a.k2 < b.k1 + "\u0000" + b.k2 ? -1 : 1));

describe(`rollups from partial counts per local date (${dbMode})`, () => {
  it("equal a scan of the whole log for periods bounded at any instant", async () => {
    const [span] = await queryRows<{ lo: string; hi: string; n: number }>(
      t.db,
      sql`select min(hour)::text as lo, max(hour)::text as hi, count(*)::int as n from pub_camera_accesses`,
    );
    const lo = new Date(span.lo).getTime();
    const hi = new Date(span.hi).getTime();
    expect(span.n).toBeGreaterThan(100);
    // Local midnight of a date in the middle of the log, and the spring-forward day of its year.
    const mid = new Date((lo + hi) / 2);
    const midnight = startOfLocalDay(mid.toISOString().slice(0, 10), TZ).getTime();
    const year = new Date(lo).getUTCFullYear();
    const dst = [year, year + 1].map((y) => startOfLocalDay(`${y}-03-08`, TZ).getTime()).find((x) => x > lo && x < hi);
    const periods: [number, number][] = [
      [lo - 10 * 24 * HOUR, hi + 10 * 24 * HOUR], // beyond both ends
      [lo + 37 * 60_000, hi - 13 * 60_000], // mid-hour at both ends
      [midnight, midnight + 30 * 24 * HOUR], // local midnight to local midnight
      [midnight - HOUR, midnight + HOUR], // two hours across a midnight
      [midnight + 5 * HOUR, midnight + 2 * 24 * HOUR + 7 * HOUR], // three days, no whole date in the partials
      [midnight - 4 * 24 * HOUR - 3 * HOUR, midnight + 4 * 24 * HOUR + 3 * HOUR], // a few whole dates
      [hi - 30 * 24 * HOUR, hi], // the last 30 days, as published
      ...(dst ? [[dst - 3 * 24 * HOUR + HOUR, dst + 3 * 24 * HOUR - HOUR] as [number, number]] : []),
    ];
    for (const [from, to] of periods) {
      const f = new Date(from);
      const u = new Date(to);
      const direct = await groupingsOfRows(
        t.db,
        "pub_camera_accesses",
        sql`hour >= ${f.toISOString()}::timestamptz and hour <= ${u.toISOString()}::timestamptz`,
        CAMERA_DIMS,
        SETS,
      );
      const dated = await countGroupingsDated(
        t.db,
        { table: "pub_camera_accesses", partials: "publish_part_camera_accesses", from: f, to: u, timeZone: TZ },
        CAMERA_DIMS,
        SETS,
        CAMERA_SCANS,
      );
      for (const k of Object.keys(SETS) as (keyof typeof SETS)[])
        expect(sorted(dated[k]), `${k} from ${f.toISOString()} to ${u.toISOString()}`).toEqual(sorted(direct[k]));
    }
    // Not vacuous: the mid-log month has rows, and it is mostly summed from partials.
    const month = await groupingsOfRows(
      t.db,
      "pub_camera_accesses",
      sql`hour >= ${new Date(midnight).toISOString()}::timestamptz and hour <= ${new Date(midnight + 30 * 24 * HOUR).toISOString()}::timestamptz`,
      CAMERA_DIMS,
      { reason: ["reason"] },
    );
    expect(month.reason.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(20);
  });
});
