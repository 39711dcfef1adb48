// Drone rollups summed from their per-date partials (server/publish/drones/parts.ts) are those of
// the flights themselves: for periods that begin and end at any instant (mid-day, local midnight,
// within one date, across a daylight-saving change), the counts, medians and generalized cells from
// the partials plus the edge dates equal a scan of every published flight in the period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "../../db/sql";
import type { DbOrTx } from "../../db/client";
import { runPublish } from "../../server/publish/run";
import { rules } from "../../lib/publish/rules";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import { generalize, generalizeGroups } from "../../lib/publish/rules/h3";
import { city } from "../../lib/config/city";
import { fromZoned } from "../../lib/time";
import { PARTS, periodEdges } from "../../server/publish/drones/parts";
import { cellGroups, periodSource } from "../../server/publish/drones/rollups";
import * as q from "../../server/publish/drones/rollup-sql";
import type { Cutoffs } from "../../server/publish/drones/source";
import { dbMode, type TestDb } from "../helpers/db";
import { demoDb } from "../helpers/demo";

const TZ = "America/Los_Angeles";
const HOUR = 3600_000;
let t: TestDb;
let cut: Cutoffs;
let publish: (full: boolean) => ReturnType<typeof runPublish>;

/** The rollup queries as they were before the partials: over every published flight in the period. */
async function fromFlights(tx: DbOrTx, p: q.Period) {
  const base = sql`select * from (${q.baseFlights(cut, TZ)}) b where ${q.inPeriod(p)}`;
  const rows = <T extends Record<string, unknown>>(s: SQL) => queryRows<T>(tx, s);
  const [m] = await rows<Record<string, unknown>>(
    sql`with b as (${base}) select count(*)::int as n,
      count(*) filter (where outcome = 'cleared_no_patrol')::int as cleared,
      count(*) filter (where first_on_scene is not null and on_scene_at is not null)::int as fos_n,
      count(*) filter (where first_on_scene and on_scene_at is not null)::int as fos,
      count(*) filter (where linked)::int as linked, count(*) filter (where sens)::int as sensitive,
      count(tts)::int as tts_n, (percentile_cont(0.5) within group (order by tts))::float8 as tts_med,
      to_char(min(local_ts), 'YYYY-MM-DD') as first_day, to_char(max(local_ts), 'YYYY-MM-DD') as last_day from b`,
  );
  const by = (key: SQL, label: SQL, where: SQL = sql`true`) =>
    rows<{ key: string; label: string; n: number }>(
      sql`with b as (${base}) select ${key} as key, ${label} as label, count(*)::int as n from b where ${where} group by 1 order by 1`,
    );
  const hour = sql`extract(hour from local_ts)::int::text`;
  const dur = sql`(case when dur < 10 then '0' when dur < 20 then '10' when dur < 30 then '20' when dur < 45 then '30' when dur < 60 then '45' else '60' end)`;
  const medians = (key: SQL, label: SQL) =>
    rows<{ key: string; label: string; n: number; med: number }>(
      sql`with b as (${base}) select ${key} as key, ${label} as label, count(tts)::int as n,
        (percentile_cont(0.5) within group (order by tts))::float8 as med from b where tts is not null group by 1 order by 1`,
    );
  return {
    metrics: m,
    category: await by(sql`category`, sql`min(label)`),
    outcome: await by(sql`outcome`, sql`outcome`),
    hour: await by(hour, sql`min(${hour})`, sql`not sens and not day_only`),
    duration: await by(dur, sql`''`),
    area: await by(sql`coalesce(area_slug, 'unknown')`, sql`coalesce(min(area_name), 'Unknown')`, sql`not sens`),
    week: await rows(
      sql`with b as (${base}) select to_char(date_trunc('week', local_ts), 'YYYY-MM-DD') as week, grouping, count(*)::int as n
        from b group by 1, 2 order by 1, 2`,
    ),
    months: await medians(sql`to_char(local_ts, 'YYYY-MM')`, sql`to_char(local_ts, 'YYYY-MM')`),
    categories: await medians(sql`category`, sql`min(label)`),
  };
}

/** The same, summed from the partials of the dates inside the period and the flights of its edge dates. */
async function fromPartials(tx: DbOrTx, p: q.Period) {
  const edges = await periodEdges(tx, cut, TZ, [p]);
  const src = periodSource(PARTS, edges[p.name]);
  const medians = await q.ttsMedians(tx, src, true);
  const counts = await q.sumCountsBy(tx, src, ["category", "outcome", "hour", "duration", "area"]);
  return {
    metrics: { ...(await q.metricsSql(tx, src)), tts_med: medians.all.med },
    ...counts,
    week: await q.weekByGroup(tx, src),
    months: medians.months,
    categories: medians.categories,
    cells: await cellGroups(tx, PARTS, edges[p.name]),
  };
}

describe(`drone rollups from per-date partials (${dbMode})`, () => {
  beforeAll(async () => {
    const demo = await demoDb(0.05, "flights");
    t = demo.t;
    // Mid-hour, so that the last date is cut part-way through.
    const asOf = new Date(demo.latest.getTime() - 3 * 24 * HOUR - 17 * 60_000);
    cut = {
      normal: publicationCutoff(asOf, rules.delayHours.droneFlights),
      sensitive: publicationCutoff(asOf, rules.delayHours.droneFlightsSensitive),
    };
    publish = (full: boolean) =>
      runPublish(t.db, {
        pseudonymKey: "test-key-0123456789abcdef",
        timeZone: TZ,
        trigger: "test",
        asOf,
        full,
        only: ["drones"],
      });
    // A vendor's export can give a destination's latitude without its longitude: such a flight has
    // no place, on an edge date as inside a period. The first flight of each of the busiest dates
    // (where the periods below begin and end) loses its longitude.
    await t.db.execute(
      sql`update drone_flights set dest_lon = null where id in (
        select distinct on (d) id from (select id, launched_at, (launched_at at time zone ${TZ})::date as d,
          count(*) over (partition by (launched_at at time zone ${TZ})::date) as n from drone_flights
          where dest_lat is not null and dest_lon is not null) x
        order by d, launched_at) and id in (
        select id from drone_flights f where (f.launched_at at time zone ${TZ})::date in (
          select (launched_at at time zone ${TZ})::date from drone_flights group by 1 order by count(*) desc, 1 limit 3))`,
    );
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from drone_flights where dest_lat is not null and dest_lon is null`,
    );
    expect(n).toBeGreaterThan(0);
    await publish(true);
  }, 600_000);
  afterAll(async () => t?.close());

  it("sum to what every flight of the period gives, for periods bounded at any instant", async () => {
    const to = cut.normal;
    const [{ first }] = await queryRows<{ first: string }>(
      t.db,
      sql`select min(launched_at)::text as first from drone_flights`,
    );
    const start = new Date(first);
    // A daylight-saving change inside the record (spring or fall, whichever the record holds on
    // any calendar day: it is a year long), for a period starting on its day and 60 days long.
    const offset = new Intl.DateTimeFormat("en", { timeZone: TZ, timeZoneName: "shortOffset" });
    const offsetAt = (ms: number) => offset.formatToParts(new Date(ms)).find((x) => x.type === "timeZoneName")?.value;
    let dst: Date | undefined;
    for (let ms = start.getTime() + 2 * 24 * HOUR; !dst && ms + 62 * 24 * HOUR < to.getTime(); ms += HOUR)
      if (offsetAt(ms) !== offsetAt(ms + HOUR)) dst = new Date(ms);
    if (!dst) throw new Error("no daylight-saving change inside the record");
    // The busiest local dates, with their first and last launches: periods that begin or end inside
    // them (a period's start is exclusive) or at their local midnight.
    const busy = (
      await queryRows<{ d: string; a: string; b: string }>(
        t.db,
        sql`select to_char((launched_at at time zone ${TZ})::date, 'YYYY-MM-DD') as d,
          min(launched_at)::text as a, max(launched_at)::text as b from drone_flights
        where landed_at <= ${to.toISOString()}::timestamptz group by 1 having count(*) > 1 order by count(*) desc, 1 limit 3`,
      )
    )
      .map((r) => ({ d: r.d, a: new Date(r.a), b: new Date(r.b) }))
      .sort((x, y) => x.a.getTime() - y.a.getTime());
    expect(busy).toHaveLength(3);
    const midnightOf = (d: string) =>
      fromZoned({ year: +d.slice(0, 4), month: +d.slice(5, 7), day: +d.slice(8, 10), hour: 0 }, TZ);
    const periods: q.Period[] = [
      { name: "since_launch", from: null, to },
      { name: "last30", from: new Date(to.getTime() - 30 * 24 * HOUR), to },
      { name: "last30", from: busy[0].a, to: busy[2].b },
      { name: "last30", from: new Date(busy[0].a.getTime() + 1), to: new Date(busy[2].b.getTime() - 1) },
      { name: "last30", from: midnightOf(busy[1].d), to },
      { name: "last30", from: busy[1].a, to: busy[1].b },
      { name: "last30", from: new Date(dst.getTime() + 30 * 60_000), to: new Date(dst.getTime() + 60 * 24 * HOUR + 1) },
      { name: "since_launch", from: new Date(start.getTime() + 24 * HOUR + 1234), to },
    ];
    for (const p of periods) {
      if (p.from && (p.from < start || p.from >= to))
        throw new Error(`period outside the record: ${p.from.toISOString()}`);
      const want = await fromFlights(t.db, p);
      const got = await fromPartials(t.db, p);
      const label = `${p.from?.toISOString() ?? "start"} .. ${p.to.toISOString()}`;
      expect(want.metrics.n, label).toBeGreaterThan(p.from && p.from >= busy[1].a && p.to <= busy[1].b ? 0 : 2);
      for (const k of [
        "metrics",
        "category",
        "outcome",
        "hour",
        "duration",
        "area",
        "week",
        "months",
        "categories",
      ] as const)
        expect(got[k], `${label}: ${k}`).toEqual(want[k]);
      // The map: the period's destinations, generalized as they always were.
      const places = await queryRows<{ lat: number; lon: number; sens: boolean }>(
        t.db,
        sql`select dest_lat as lat, dest_lon as lon, sens from (${q.baseFlights(cut, TZ)}) b
          where ${q.inPeriod(p)} and dest_lat is not null and dest_lon is not null`,
      );
      const sites = city().sensitiveSites;
      const direct = generalize(
        places.map((f) => ({ lat: Number(f.lat), lon: Number(f.lon), sensitive: Boolean(f.sens) })),
        undefined,
        sites,
      );
      const summed = generalizeGroups(got.cells, undefined, sites);
      expect(
        got.cells.reduce((n, g) => n + g.n, 0),
        label,
      ).toBe(places.length);
      expect([...summed.counts].sort(), label).toEqual([...direct.counts].sort());
      expect(summed.suppressedCells, label).toBe(direct.suppressedCells);
    }
  }, 600_000);

  it("reuse the baseline's rollups until its drone rows change", async () => {
    const baseline = async () =>
      (
        await queryRows<{ r: string }>(
          t.db,
          sql`select r from (select (x.*)::text as r from pub_metrics x where dataset = 'drones' and period = 'baseline'
            union all select (x.*)::text from pub_breakdowns x where dataset = 'drones' and key2 = 'baseline') s order by 1`,
        )
      ).map((x) => x.r);
    const before = await baseline();
    expect(before.length).toBeGreaterThan(1);
    // Every patrol response a minute slower: the incremental publication must see it.
    await t.db.execute(
      sql`update baseline_responses set on_scene_at = on_scene_at + interval '1 minute' where program = 'drones'`,
    );
    // Publishing drones alone leaves the seeded CSO calls in the change log (consumeChanges), and
    // their scenes would widen the drone scope to every date: this test is about the baseline.
    await t.db.execute(sql`delete from publish_changes where dataset = 'cso'`);
    const inc = await publish(false);
    expect(inc.scopes.drones).toMatch(/^\d+ dates$/);
    const after = await baseline();
    expect(after).not.toEqual(before);
    await publish(true);
    expect(await baseline()).toEqual(after);
    // Nothing changed since: reused, and the same.
    await publish(false);
    expect(await baseline()).toEqual(after);
  }, 600_000);
});
