// Date filters on the published logs bound the instant (so the indexes serve them): the rows must
// be exactly those whose local date is in range, across midnight and daylight-saving changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAccessLog } from "../../db/queries/public/cameras";
import { pubCameraAccesses } from "../../db/schema";
import { localDate, localWeekStart } from "../../lib/time";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const TZ = "America/Los_Angeles"; // the demo city's zone
let t: TestDb;
// Every hour from 2026-03-06 to 2026-03-10 (spring forward on the 8th) and 2026-10-30 to 2026-11-03 (fall back on the 1st).
const hours = [Date.UTC(2026, 2, 6, 0), Date.UTC(2026, 9, 30, 0)].flatMap((start) =>
  Array.from({ length: 5 * 24 }, (_, i) => new Date(start + i * 3600_000)),
);

beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(pubCameraAccesses).values(
    hours.map((h, i) => ({
      publicId: `acc-${String(i).padStart(4, "0")}`,
      hour: h,
      localDate: localDate(h, TZ),
      weekStart: localWeekStart(h, TZ),
      place: "Main & 1st",
      ownerClass: "city" as const,
      user: "user-abc123",
      userRole: "operator",
      agency: "Lakemont",
      operation: "live_view",
      reason: "call_for_service",
      linkedToCase: true,
    })),
  );
}, 600_000);
afterAll(async () => t?.close());

describe(`local date filters on the access log (${dbMode})`, () => {
  for (const [from, to] of [
    ["2026-03-07", "2026-03-08"],
    ["2026-03-08", "2026-03-08"],
    ["2026-11-01", "2026-11-01"],
    ["2026-10-31", undefined],
    [undefined, "2026-11-01"],
  ] as const) {
    it(`${from ?? "…"} to ${to ?? "…"}`, async () => {
      const r = await getAccessLog({
        db: t.db,
        filters: { from, to },
        sort: "hour",
        dir: "asc",
        page: 1,
        pageSize: 500,
      });
      const want = hours
        .filter((h) => (!from || localDate(h, TZ) >= from) && (!to || localDate(h, TZ) <= to))
        .map((h) => h.toISOString());
      expect(r.rows.map((x) => x.hour.toISOString())).toEqual(want);
      expect(r.total).toBe(want.length);
    });
  }
});
