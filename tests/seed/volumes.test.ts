// One scale-1 seed, checked for the volumes, medians and shares the dashboards depend on.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, type SeedResult } from "../../server/seed";
import { haversine, pathLength } from "../../server/seed/geo";
import * as s from "../../db/schema";
import { referralTypes } from "../../db/schema/cso";
import { city, inRegion } from "../../lib/config/city";
import { queryRows } from "../../db/sql";
import { expectCountsWithin } from "../helpers/counts";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

type Row = Record<string, unknown>;
let t: TestDb;
let result: SeedResult;
const rows = (q: string) => queryRows<Row>(t.db, sql.raw(q));
const one = async (q: string) => (await rows(q))[0];
const num = (v: unknown) => Number(v);

describe(`demo seed at scale 1 (${dbMode})`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    result = await seedDemo(t.db, { scale: 1, seed: 20251001 });
    // A full city-year (~47,000 rows): on PGlite on a busy 2-core machine this takes minutes.
  }, 600_000);
  afterAll(async () => t?.close());

  it("fills every table with the expected volumes and prints them", () => {
    const c = result.counts;
    expectCountsWithin(c, {
      drone_flights: [2700, 3300],
      camera_access_events: [22000, 28000],
      alpr_searches: [1700, 2300],
      cso_activities: [5400, 6600],
    });
    expect(c.alpr_daily_counts % 6).toBe(0);
    expect(c.alpr_daily_counts).toBeGreaterThanOrEqual(6 * 365);
    expect(c.cameras).toBe(72);
    expect(c.drone_docks).toBe(city().docks.length);
    expect(c.drone_aircraft).toBe(city().docks.length);
    expect(c.areas).toBe(city().areas.length);
    expect(c.programs).toBe(5);
    expect(c.baseline_responses).toBeGreaterThan(7000);
    for (const table of [
      "budget_items",
      "initiatives",
      "milestones",
      "metric_targets",
      "council_meetings",
      "agenda_items",
      "council_votes",
      "program_updates",
      "feedback",
      "sharing_agreements",
      "prioritization_weights",
    ]) {
      expect(c[table], table).toBeGreaterThan(0);
    }
    expect(result.summary).toContain("drone_flights");
    for (const line of result.accountLines) expect(result.summary).toContain(line);
  });

  it("gives drones a median time to scene near two minutes and realistic shares", async () => {
    const r =
      await one(`select percentile_cont(0.5) within group (order by extract(epoch from on_scene_at - dispatched_at)) as med,
      avg((call_number is null)::int) as no_call, avg(sensitive::int) as sens, avg((outcome = 'cleared_no_patrol')::int) as cleared,
      avg(first_on_scene::int) as first, percentile_cont(0.5) within group (order by extract(epoch from landed_at - launched_at)) as dur,
      count(*) filter (where landed_at - launched_at > interval '60 minutes') as long_ones from drone_flights`);
    expect(num(r.med)).toBeGreaterThan(95);
    expect(num(r.med)).toBeLessThan(145);
    // About one flight in twenty has no call for service (the review queue flags each one).
    expect(num(r.no_call)).toBeGreaterThan(0.03);
    expect(num(r.no_call)).toBeLessThan(0.08);
    expect(num(r.sens)).toBeGreaterThan(0.07);
    expect(num(r.sens)).toBeLessThan(0.14);
    expect(num(r.cleared)).toBeGreaterThan(0.3);
    expect(num(r.cleared)).toBeLessThan(0.4);
    expect(num(r.first)).toBeGreaterThan(0.7);
    expect(num(r.first)).toBeLessThan(0.85);
    expect(num(r.dur) / 60).toBeGreaterThan(10);
    expect(num(r.dur) / 60).toBeLessThan(25);
    expect(num(r.long_ones)).toBeGreaterThan(2);
    const sensitiveCats = await rows(`select code from call_categories where sensitive order by code`);
    expect(sensitiveCats.map((x) => x.code)).toEqual([
      "child_abuse",
      "domestic_violence",
      "juvenile",
      "medical",
      "mental_health",
      "sexual_assault",
      "welfare_check",
    ]);
    const mismatched = await one(
      `select count(*) as n from drone_flights f join call_categories c on c.code = f.category where f.sensitive <> c.sensitive`,
    );
    expect(num(mismatched.n)).toBe(0);
  });

  it("records paths whose length is the distance flown, inside the region, with a few detours", async () => {
    const c = city();
    const flights = await t.db
      .select({
        path: s.droneFlights.path,
        dist: s.droneFlights.distanceFlownM,
        lat: s.droneFlights.destLat,
        lon: s.droneFlights.destLon,
      })
      .from(s.droneFlights);
    let detours = 0;
    for (const f of flights) {
      const coords = f.path!.coordinates;
      expect(coords.length).toBeGreaterThanOrEqual(20);
      expect(coords.length).toBeLessThanOrEqual(200);
      expect(Math.abs(pathLength(coords) - f.dist!)).toBeLessThan(2);
      expect(coords.every(([lon, lat]) => inRegion(c, lat, lon))).toBe(true);
      expect(inRegion(c, f.lat!, f.lon!)).toBe(true);
      const roundTrip = 2 * haversine(coords[0], [f.lon!, f.lat!]);
      if (f.dist! > 2 * roundTrip + 500) detours++;
    }
    expect(detours).toBeGreaterThan(5);
    expect(detours).toBeLessThan(flights.length * 0.03);
  });

  it("keeps every other located row inside the region", async () => {
    const c = city();
    for (const table of ["cso_activities", "baseline_responses", "cameras", "drone_docks"]) {
      const pts = await rows(`select lat, lon from ${table}`);
      expect(pts.length, table).toBeGreaterThan(0);
      expect(
        pts.every((p) => inRegion(c, num(p.lat), num(p.lon))),
        table,
      ).toBe(true);
    }
  });

  it("logs camera access with a few percent missing case numbers, shares to outside agencies, and 2 a.m. bursts", async () => {
    const tz = city().timeZone;
    const r = await one(`select avg((case_number is null)::int) as no_case, count(distinct personnel_id) as users,
      count(*) filter (where operation = 'share' and shared_with_agency_id is not null) as outside_shares from camera_access_events`);
    // Routine views without a case (about 2%) plus the planted misuse of the last month.
    expect(num(r.no_case)).toBeGreaterThan(0.02);
    expect(num(r.no_case)).toBeLessThan(0.08);
    expect(num(r.users)).toBeGreaterThanOrEqual(35);
    expect(num(r.outside_shares)).toBeGreaterThan(50);
    const night =
      await rows(`select personnel_id, camera_id, extract(epoch from started_at) as t from camera_access_events
      where extract(hour from started_at at time zone '${tz}') between 1 and 2 order by personnel_id, started_at`);
    let bursts = 0;
    for (let i = 0; i < night.length; i++) {
      const cams = new Set<unknown>();
      for (
        let j = i;
        j < night.length && night[j].personnel_id === night[i].personnel_id && num(night[j].t) - num(night[i].t) <= 600;
        j++
      )
        cams.add(night[j].camera_id);
      if (cams.size >= 8) {
        bursts++;
        while (
          i + 1 < night.length &&
          night[i + 1].personnel_id === night[i].personnel_id &&
          num(night[i + 1].t) - num(night[i].t) <= 600
        )
          i++;
      }
    }
    expect(bursts).toBeGreaterThanOrEqual(5);
    const cams =
      await one(`select count(*) filter (where kind = 'plate_reader') as readers, count(*) filter (where owner = 'private') as private,
      count(*) filter (where network in ('street_lighting', 'transportation', 'general_services')) as other_networks from cameras`);
    expect([num(cams.readers), num(cams.private), num(cams.other_networks)]).toEqual([6, 10, 12]);
  });

  it("gives CSOs and the pre-pilot baseline realistic response times and outcomes", async () => {
    const cso =
      await one(`select percentile_cont(0.5) within group (order by extract(epoch from on_scene_at - received_at)) as med,
      avg(sworn_backup_requested::int) as sworn, sum(fingerprints_collected::int) as prints, sum(dna_collected::int) as dna from cso_activities`);
    expect(num(cso.med) / 60).toBeGreaterThan(5);
    expect(num(cso.med) / 60).toBeLessThan(20);
    expect(num(cso.sworn)).toBeGreaterThan(0.05);
    expect(num(cso.sworn)).toBeLessThan(0.11);
    expect(num(cso.prints)).toBeGreaterThan(num(cso.dna));
    expect(num(cso.dna)).toBeGreaterThan(0);
    const refs = await rows(`select distinct unnest(referrals) as r from cso_activities`);
    expect(refs.every((x) => (referralTypes as readonly string[]).includes(String(x.r)))).toBe(true);
    const base = await rows(
      `select program, percentile_cont(0.5) within group (order by extract(epoch from on_scene_at - received_at)) as med from baseline_responses group by program order by program`,
    );
    const med = Object.fromEntries(base.map((b) => [b.program, num(b.med)]));
    expect(med.drones / 60).toBeGreaterThan(4);
    expect(med.drones / 60).toBeLessThan(5);
    expect(med.cso).toBeGreaterThan(num(cso.med));
  });

  it("records the CSO utility vehicle as $5,185 over its approved amount", async () => {
    const r = await one(
      `select approved_amount_cents as a, actual_cost_cents as c, note from budget_items where name = 'Utility vehicle for CSO program'`,
    );
    expect(num(r.c) - num(r.a)).toBe(518_500);
    expect(String(r.note)).toContain("existing budget");
  });

  it("connects police and private cameras to the watch center, and some of each other network under its agreement", async () => {
    const r = await rows(`select network, count(*) as n, count(*) filter (where integrated) as connected,
      count(*) filter (where integrated and integration_agreement is null) as without_agreement
      from cameras group by network`);
    const by = new Map(r.map((x) => [String(x.network), x]));
    expect(num(by.get("police")!.connected)).toBe(num(by.get("police")!.n));
    expect(num(by.get("private_business")!.connected)).toBe(num(by.get("private_business")!.n));
    const others = r.filter((x) => !["police", "private_business"].includes(String(x.network)));
    expect(others.length).toBeGreaterThan(0);
    const connected = others.reduce((s, x) => s + num(x.connected), 0);
    const total = others.reduce((s, x) => s + num(x.n), 0);
    expect(connected).toBeGreaterThan(0);
    expect(connected).toBeLessThan(total);
    for (const x of others) expect(num(x.without_agreement)).toBe(0);
  });
});
