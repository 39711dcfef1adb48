// The published annual reports pinned as a whole (issue 23, publication speed): for the demo seed
// with reviews, flags, findings, complaints and records requests added on both sides of a year end,
// published at a fixed instant inside the data, `pub_annual_reports` must keep exactly the content
// the per-year implementation published (the digest below was computed with it before the reports
// were counted in one query per kind). Any change to which records a year counts (local date vs UTC,
// the cutoffs, a year's bounds, a distinct count, the complaints' outcomes) changes the digest.
// The demo city's pilot is relative to "today": DAYLIGHT_TODAY is pinned below (read when the seed
// first asks for the city), so the seed, and with it the digest, is the same on any calendar day.
//
// If a deliberate change to the seed or to the report's content changes the digest, recompute it
// with the code before your change (run this test and read the digest it received), then apply it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/sql";
import { seedDemo } from "../../server/seed";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

// A pilot from 2025-03-01 to 2026-03-01: ten months in one report year, two in the next.
const TODAY = "2026-03-01";
process.env.DAYLIGHT_TODAY = TODAY;
const TZ = "America/Los_Angeles";
// Inside the seeded data, so that every cutoff (sensitive flights' included) cuts through records.
const AS_OF = new Date("2026-02-20T15:00:00Z");
const DIGEST = "821062f1f4388f30c7390b145d9cb905";

let t: TestDb;
let rows: { program: string; year: number; data: string }[];
let digest: string;
let firstFlight: string;

/** Complaints, records requests, anomaly flags, reviews and findings around the local year end. */
async function addReviewData(db: TestDb["db"]): Promise<void> {
  const ex = (q: ReturnType<typeof sql>) => db.execute(q);
  const at = (local: string) => sql`(${local}::timestamp at time zone ${TZ})`;
  const user = sql`(select min(id) from users)`;
  // Per program: resolved complaints on both sides of local midnight (one group UTC puts in the new
  // year), triaged ones late on 31 December, and comments early on 1 January.
  await ex(sql`insert into feedback (kind, program_id, target_type, body, status, outcome, created_at, resolved_at)
    select 'complaint', p.id, 'program', 'words never published', 'resolved', 'Outcome ' || p.slug || ' ' || i,
      ${at("2025-12-31 23:00")} + make_interval(mins => i), ${at("2025-12-31 23:50")} + make_interval(mins => i * 3)
    from programs p, generate_series(1, 13) i`);
  await ex(sql`insert into feedback (kind, program_id, target_type, body, status, created_at)
    select 'complaint', p.id, 'program', 'words never published', 'triaged', ${at("2025-12-31 16:30")} + make_interval(mins => i)
    from programs p, generate_series(1, 12) i`);
  await ex(sql`insert into feedback (kind, program_id, target_type, body, status, created_at)
    select 'feedback', p.id, 'program', 'words never published', 'new', ${at("2026-01-01 00:10")} + make_interval(mins => i)
    from programs p, generate_series(1, 11) i`);
  await ex(sql`insert into records_requests (program_id, received_on, closed_on, outcome)
    select p.id, date '2025-12-17' + (i % 30), case when i % 5 = 0 then null else date '2025-12-17' + (i % 30) + (i % 9) end,
      (case when i % 5 = 0 then 'pending' when i % 4 = 0 then 'denied' else 'fulfilled' end)::records_request_outcome
    from programs p, generate_series(1, 40) i`);
  // Anomaly flags: two rules on some flights (a record counted once), one hours later than launch.
  await ex(sql`insert into anomaly_flags (record_type, record_id, rule, explanation, occurred_at)
    select 'drone_flight', id, 'r1', 'test', launched_at from drone_flights where id % 3 = 0`);
  await ex(sql`insert into anomaly_flags (record_type, record_id, rule, explanation, occurred_at)
    select 'drone_flight', id, 'r2', 'test', launched_at + interval '6 hours' from drone_flights where id % 7 = 0`);
  await ex(sql`insert into anomaly_flags (record_type, record_id, rule, explanation, occurred_at)
    select 'camera_access', id, 'r1', 'test', started_at from camera_access_events where id % 40 = 0`);
  await ex(sql`insert into anomaly_flags (record_type, record_id, rule, explanation, occurred_at)
    select 'alpr_search', id, 'r1', 'test', searched_at from alpr_searches where id % 5 = 0`);
  // Reviews: some records reviewed twice (counted once a year), other actions not counted.
  for (const [type, action, select] of [
    ["drone_flight", "reviewed", sql`launched_at + interval '5 hours' from drone_flights where id % 4 = 0`],
    ["drone_flight", "reviewed", sql`launched_at + interval '30 hours' from drone_flights where id % 8 = 0`],
    ["drone_flight", "note", sql`launched_at from drone_flights where id % 6 = 0`],
    ["camera_access", "reviewed", sql`started_at + interval '2 hours' from camera_access_events where id % 60 = 0`],
    ["alpr_search", "reviewed", sql`searched_at from alpr_searches where id % 9 = 0`],
  ] as const)
    await ex(sql`insert into review_actions (record_type, record_id, action, user_id, at)
      select ${type}, id, ${action}, ${user}, ${select}`);
  await ex(sql`insert into findings (record_type, record_id, finding_type, status, note, opened_by, opened_at, outcome, closed_by, closed_at)
    select 'drone_flight', id, 'other', case when id % 3 = 0 then 'open' else 'closed' end::finding_status, 'test', ${user},
      launched_at + interval '3 hours',
      (array['no_violation', 'policy_violation_training', 'policy_violation_discipline', 'data_quality'])[(1 + id % 4)::int]::finding_outcome,
      ${user}, launched_at + interval '3 days'
    from drone_flights where id % 23 = 0`);
  await ex(sql`update findings set outcome = null, closed_by = null, closed_at = null where status = 'open'`);
  await ex(sql`insert into findings (record_type, record_id, finding_type, note, opened_by, opened_at)
    select 'camera_access', id, 'other', 'test', ${user}, started_at + interval '1 hour' from camera_access_events where id % 300 = 0`);
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { scale: 0.1, seed: 20251001 });
  [{ firstFlight }] = await queryRows<{ firstFlight: string }>(
    t.db,
    sql`select min((launched_at at time zone ${TZ})::date)::text as "firstFlight" from drone_flights`,
  );
  await addReviewData(t.db);
  await runPublish(t.db, {
    pseudonymKey: "test-pseudonym-key-0123456789",
    timeZone: TZ,
    asOf: AS_OF,
    only: ["annual-reports"],
  });
  rows = await queryRows(
    t.db,
    sql`select program, year, data::text as data from pub_annual_reports order by program, year`,
  );
  const [d] = await queryRows<{ md5: string }>(
    t.db,
    sql`select md5(string_agg(concat_ws('|', program, year, period_start, period_end,
      to_char(cutoff at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), data::text), E'\n' order by program, year)) as md5
      from pub_annual_reports`,
  );
  digest = d.md5;
}, 900_000);
afterAll(async () => t?.close());

describe(`annual reports pinned for the demo seed (${dbMode})`, () => {
  it("publishes each program's reports for both years of the pinned data", () => {
    expect(firstFlight).toBe("2025-03-01");
    expect(rows.map((r) => `${r.program}:${r.year}`)).toEqual(
      ["cso", "drones", "fixed_cameras", "plate_readers", "watch_center"].flatMap((p) => [`${p}:2025`, `${p}:2026`]),
    );
  });

  it("publishes exactly the rows the per-year implementation published", () => {
    expect(digest).toBe(DIGEST);
  });
});
