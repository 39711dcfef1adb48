// The SQL that publishes rows in the database must agree with the JS rules it stands in for:
// local hour, date and week in the city's zone (every 15 minutes across both daylight-saving
// changes, including the repeated hour in November) and the keyed public id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/sql";
import {
  localDateSql,
  localDaySql,
  localHourSql,
  pgcryptoSchema,
  publicIdSql,
  weekStartSql,
} from "../../server/publish/camera-sql";
import { publicId } from "../../lib/publish/rules/public-id";
import { localDate, localWeekStart, roundToDay, roundToHour } from "../../lib/time";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const TZ = "America/Los_Angeles";
const KEY = "test-key-0123456789abcdef";
// Every 15 minutes over the nights of 2026-03-08 (spring forward) and 2026-11-01 (fall back), local time.
const instants = [Date.UTC(2026, 2, 8, 6), Date.UTC(2026, 10, 1, 5)].flatMap((start) =>
  Array.from({ length: 6 * 4 }, (_, i) => new Date(start + i * 15 * 60_000 + 7_000)),
);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 600_000);
afterAll(async () => t?.close());

describe(`publication SQL agrees with the JS rules (${dbMode})`, () => {
  it("local hour, day, date and week, across both daylight-saving changes", async () => {
    const at = sql`x.at`;
    const list = JSON.stringify(instants.map((d, n) => ({ at: d.toISOString(), n })));
    const rows = await queryRows<{ hour: string; day: string; date: string; week: string }>(
      t.db,
      sql`
      select to_char(${localHourSql(at, TZ)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as hour,
        to_char(${localDaySql(at, TZ)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as day,
        ${localDateSql(at, TZ)}::text as date, ${weekStartSql(at, TZ)}::text as week
      from jsonb_to_recordset(${list}::jsonb) as x(at timestamptz, n int) order by x.n`,
    );
    const iso = (d: Date) => d.toISOString().slice(0, 19);
    expect(rows.map((r) => [r.hour, r.date, r.week])).toEqual(
      instants.map((d) => [iso(roundToHour(d, TZ)), localDate(d, TZ), localWeekStart(d, TZ)]),
    );
    expect(rows.map((r) => r.day)).toEqual(instants.map((d) => iso(roundToDay(d, TZ))));
    // The repeated hour is in the sample: two instants an hour apart read the same wall clock.
    expect(new Set(rows.map((r) => r.hour)).size).toBe(new Set(instants.map((d) => iso(roundToHour(d, TZ)))).size);
  });

  const pairs = [
    ["cad", "A-1"],
    ["vendor x", "ünïcode-42"],
    ["s", ""],
  ];
  // A key longer than HMAC's 64-byte block is hashed first, by both.
  const keys = [KEY, "k".repeat(80)];

  it("the keyed public id, built from core sha256()", async () => {
    for (const key of keys) {
      for (const [source, external] of pairs) {
        const [r] = await queryRows<{ id: string }>(
          t.db,
          sql`select ${publicIdSql("c", sql`${source}::text`, sql`${external}::text`, key, null)} as id`,
        );
        expect(r.id).toBe(publicId("c", source, external, key));
      }
    }
  });

  // PGlite has no pgcrypto loaded; a Postgres server gets it from `daylight migrate` (db/client.ts).
  it.runIf(dbMode === "postgres")(
    "the keyed public id, with pgcrypto's hmac() where the migration installed it",
    async () => {
      const schema = await pgcryptoSchema(t.db);
      expect(schema).not.toBeNull();
      for (const key of keys) {
        for (const [source, external] of pairs) {
          const [r] = await queryRows<{ id: string }>(
            t.db,
            sql`select ${publicIdSql("c", sql`${source}::text`, sql`${external}::text`, key, schema)} as id`,
          );
          expect(r.id).toBe(publicId("c", source, external, key));
        }
      }
    },
  );
});
