// Incremental publication (issue 23.3): a publication that rewrites only the changed dates' rows
// writes exactly the published tables a full rebuild writes, after new records, a late-arriving
// backdated record, a deleted record and a call-type re-mapping (to a sensitive category, which
// also moves the flight paths around it), and the run says it was incremental.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/sql";
import { runPublish } from "../../server/publish/run";
import { openDataSource } from "../../db/queries/public/opendata";
import { mapCallType } from "../../server/content/call-types";
import { rules } from "../../lib/publish/rules";
import { publicId } from "../../lib/publish/rules/public-id";
import { cellTouchesSite } from "../../lib/publish/rules/sensitive-sites";
import { city } from "../../lib/config/city";
import { latLngToCell } from "h3-js";
import { localDate, startOfLocalDay } from "../../lib/time";
import { dbMode, type TestDb } from "../helpers/db";
import { demoDb } from "../helpers/demo";

const base = { pseudonymKey: "test-key-0123456789abcdef", timeZone: "America/Los_Angeles", trigger: "test" };
const HOUR = 3600_000;
const RAW = "Incremental test call";
let t: TestDb;
let asOf1: Date;
let asOf2: Date;

/** Every served published table, as sorted row texts (the run's own id and time left out). */
async function published(): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ t: string }>(
    t.db,
    sql`select tablename as t from pg_tables where schemaname = current_schema()
      and (tablename like 'pub\\_%' or tablename like 'publish\\_part\\_%') and tablename not like '%\\_\\_next' order by 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { t: name } of tables) {
    const cols = name === "pub_datasets" ? "dataset, as_of, cutoff, delay_hours, rules_version, rows" : "x.*";
    const rows = await queryRows<{ r: string }>(t.db, sql.raw(`select (${cols})::text as r from "${name}" x`));
    out[name] = rows.map((r) => r.r).sort();
  }
  return out;
}

/** A copy of one raw row under a new external id, its instants moved by `shiftMs`; returns its id. */
async function copyRow(table: string, id: number, externalId: string, shiftMs: number): Promise<number> {
  const cols = await queryRows<{ c: string; ts: boolean }>(
    t.db,
    sql`select column_name as c, data_type = 'timestamp with time zone' as ts from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name <> 'id'
        and is_generated = 'NEVER' order by ordinal_position`,
  );
  const list = cols.map((c) => `"${c.c}"`).join(", ");
  const values = cols
    .map((c) =>
      c.c === "external_id"
        ? `'${externalId}'`
        : c.ts
          ? `"${c.c}" + make_interval(secs => ${shiftMs / 1000})`
          : `"${c.c}"`,
    )
    .join(", ");
  const [row] = await queryRows<{ id: number }>(
    t.db,
    sql.raw(`insert into "${table}" (${list}) select ${values} from "${table}" where id = ${id} returning id`),
  );
  return Number(row.id);
}

/**
 * Each dataset's table, event time and end (what its publication delay runs from); for those with
 * generalized cells, the published table, its public-id prefix and the raw point.
 */
const DATASETS = [
  {
    table: "drone_flights",
    at: "launched_at",
    ended: "landed_at",
    delay: rules.delayHours.droneFlights,
    extra: "and not sensitive",
    cells: { pub: "pub_flights", prefix: "f", lat: "dest_lat" },
  },
  {
    table: "camera_access_events",
    at: "started_at",
    ended: "ended_at",
    delay: rules.delayHours.cameraAccess,
    extra: "",
  },
  { table: "alpr_searches", at: "searched_at", ended: "searched_at", delay: rules.delayHours.alprSearches, extra: "" },
  {
    table: "cso_activities",
    at: "received_at",
    ended: "coalesce(cleared_at, on_scene_at, received_at)",
    delay: rules.delayHours.csoActivities,
    extra: "",
    cells: { pub: "pub_cso_calls", prefix: "c", lat: "lat" },
  },
];

/**
 * A published record from months ago whose place publishes coarser than resolution 8 (its cell
 * has too few records): new records at the same spot will make it publish finer, although its own
 * date is not rewritten. Returns its raw id and its published row's public id.
 */
async function coarseRecord(d: (typeof DATASETS)[number], before: Date): Promise<{ id: number; publicId: string }> {
  const c = d.cells!;
  const raw = await queryRows<{ id: number; source: string; external_id: string; lat: number; lon: number }>(
    t.db,
    sql.raw(`select id, source, external_id, ${c.lat} as lat, ${c.lat.replace("lat", "lon")} as lon
      from "${d.table}" where ${c.lat} is not null ${d.extra}
      and ${d.at} < '${before.toISOString()}' order by id`),
  );
  const coarse = new Set(
    (
      await queryRows<{ id: string }>(
        t.db,
        sql.raw(`select public_id as id from "${c.pub}" where not sensitive and h3_res is distinct from 8`),
      )
    ).map((r) => r.id),
  );
  for (const r of raw) {
    const id = publicId(c.prefix, r.source, r.external_id, base.pseudonymKey);
    // Not at a sensitive site, where resolution 8 is never published.
    const fine = latLngToCell(Number(r.lat), Number(r.lon), rules.h3Resolution);
    if (coarse.has(id) && !cellTouchesSite(fine, city().sensitiveSites)) return { id: Number(r.id), publicId: id };
  }
  throw new Error(`no coarse published record in ${d.table}`);
}

/** An old published flight with a path of several points: its launch, a middle point and its public id. */
async function pathedFlight(
  before: Date,
): Promise<{ publicId: string; launched: Date; point: [number, number]; points: number }> {
  const served = new Map(
    (
      await queryRows<{ id: string; path: { coordinates: [number, number][] } }>(
        t.db,
        sql`select public_id as id, path from pub_flights where path is not null
          and jsonb_array_length(path -> 'coordinates') >= 5`,
      )
    ).map((r) => [r.id, r.path.coordinates]),
  );
  const raw = await queryRows<{ source: string; external_id: string; launched: string }>(
    t.db,
    sql`select source, external_id, launched_at::text as launched from drone_flights
      where launched_at < ${before.toISOString()}::timestamptz order by launched_at desc`,
  );
  for (const r of raw) {
    const id = publicId("f", r.source, r.external_id, base.pseudonymKey);
    const coords = served.get(id);
    if (coords)
      return {
        publicId: id,
        launched: new Date(r.launched),
        point: coords[Math.floor(coords.length / 2)],
        points: coords.length,
      };
  }
  throw new Error("no old published flight with a path");
}

describe("incremental publication", () => {
  beforeAll(async () => {
    const demo = await demoDb(0.05, "flights");
    t = demo.t;
    asOf1 = new Date(demo.latest.getTime() - 5 * 24 * HOUR);
    // Two days on: records that ended between the two cutoffs cross the publication delay.
    asOf2 = new Date(asOf1.getTime() + 2 * 24 * HOUR);
    // Flights and CSO calls on several dates whose raw call type no mapping knows yet (imported as
    // "unclassified"); the re-mapping below gives them a sensitive category.
    for (const table of ["drone_flights", "cso_activities"])
      await t.db.execute(
        sql.raw(`update "${table}" set call_type_raw = '${RAW}', category = 'unclassified'
          ${table === "drone_flights" ? ", sensitive = false" : ""}
          where id in (select id from "${table}" where category <> 'unclassified'
            order by ${table === "drone_flights" ? "launched_at" : "received_at"} desc offset 5 limit 3)`),
      );
    // A record of each dataset that ends an hour after the first publication's cutoff: logged as a
    // change before the first publication (which consumes it), it reaches the second one only by
    // crossing the delay. (The demo alone may have none in two days, at some dates of the calendar.)
    for (const [i, d] of DATASETS.entries()) {
      const [pick] = await queryRows<{ id: number; ended: string }>(
        t.db,
        sql.raw(`select id, (${d.ended})::text as ended from "${d.table}" where ${d.ended} is not null ${d.extra}
          order by id limit 1`),
      );
      const target = asOf1.getTime() - d.delay * HOUR + HOUR;
      await copyRow(d.table, Number(pick.id), `incr-cross-${i}`, target - new Date(pick.ended).getTime());
    }
    await runPublish(t.db, { ...base, asOf: asOf1, full: true });
  }, 600_000);
  afterAll(async () => t?.close());

  it("writes what a full rebuild writes, after new, backdated, deleted and re-mapped records", async () => {
    const refined: { table: string; publicId: string }[] = [];
    for (const [i, d] of DATASETS.entries()) {
      const cutoff1 = asOf1.getTime() - d.delay * HOUR;
      const cutoff2 = asOf2.getTime() - d.delay * HOUR;
      // Records that cross the delay between the two publications (the one added above, at least).
      const [{ n: crossing }] = await queryRows<{ n: number }>(
        t.db,
        sql.raw(`select count(*)::int as n from "${d.table}" where ${d.ended} > '${new Date(cutoff1).toISOString()}'
          and ${d.ended} <= '${new Date(cutoff2).toISOString()}'`),
      );
      expect(crossing, d.table).toBeGreaterThan(0);
      // New records, ended just before the second cutoff: for the datasets with cells, eleven at
      // the spot of an old record that publishes coarse, so that it publishes finer afterwards.
      const coarse = d.cells ? await coarseRecord(d, new Date(asOf1.getTime() - 60 * 24 * HOUR)) : null;
      if (coarse) refined.push({ table: d.cells!.pub, publicId: coarse.publicId });
      const pick =
        coarse?.id ??
        Number(
          (
            await queryRows<{ id: number }>(
              t.db,
              sql.raw(`select id from "${d.table}" where ${d.ended} is not null ${d.extra} order by id limit 1`),
            )
          )[0].id,
        );
      const [{ ended }] = await queryRows<{ ended: string }>(
        t.db,
        sql.raw(`select (${d.ended})::text as ended from "${d.table}" where id = ${pick}`),
      );
      for (let k = 0; k < (d.cells ? rules.minCount : 1); k++)
        await copyRow(d.table, pick, `incr-new-${i}-${k}`, cutoff2 - 10 * 60_000 - new Date(ended).getTime());
      // A late-arriving record from months ago, and a deleted one.
      const old = await queryRows<{ id: number }>(
        t.db,
        sql.raw(`select id from "${d.table}" where ${d.at} < '${new Date(asOf1.getTime() - 60 * 24 * HOUR).toISOString()}'
          and id <> ${pick} order by id limit 2`),
      );
      expect(old).toHaveLength(2);
      await copyRow(d.table, Number(old[0].id), `incr-late-${i}`, 0);
      await t.db.execute(sql.raw(`delete from "${d.table}" where id = ${Number(old[1].id)}`));
    }
    // A sensitive CSO call, reported the day after an old flight, on a point of its published path:
    // that path, on a date no change touched, must keep clear of the scene.
    const pathed = await pathedFlight(new Date(asOf1.getTime() - 60 * 24 * HOUR));
    const [cso] = await queryRows<{ id: number; received: string }>(
      t.db,
      sql`select id, received_at::text as received from cso_activities order by id limit 1`,
    );
    const scene = await copyRow(
      "cso_activities",
      Number(cso.id),
      "incr-scene",
      pathed.launched.getTime() + 30 * HOUR - new Date(cso.received).getTime(),
    );
    await t.db.execute(
      sql`update cso_activities set category = 'mental_health', lat = ${pathed.point[1]}, lon = ${pathed.point[0]} where id = ${scene}`,
    );
    const mapped = await mapCallType(t.db, { actorType: "user", actorLabel: "test" }, RAW, "mental_health");
    expect(mapped).toMatchObject({ ok: true, flights: 3, csoCalls: 3 });

    const inc = await runPublish(t.db, { ...base, asOf: asOf2 });
    // Every dataset with row tables was rewritten by date, not rebuilt.
    for (const d of ["drones", "cameras", "alpr", "cso"]) expect(inc.scopes[d]).toMatch(/^\d+ dates$/);
    const afterIncremental = await published();

    const full = await runPublish(t.db, { ...base, asOf: asOf2, full: true });
    expect(full.scopes.drones).toMatch(/^full/);
    const afterFull = await published();

    expect(Object.keys(afterIncremental)).toEqual(Object.keys(afterFull));
    for (const table of Object.keys(afterFull)) {
      expect(afterIncremental[table].length, table).toBe(afterFull[table].length);
      expect(afterIncremental[table], table).toEqual(afterFull[table]);
    }
    // The path near the new scene lost its points there.
    const [after] = await queryRows<{ n: number }>(
      t.db,
      sql`select jsonb_array_length(path -> 'coordinates') as n from pub_flights where public_id = ${pathed.publicId}`,
    );
    expect(after?.n ?? 0).toBeLessThan(pathed.points);
    // The old records at the new records' spot now publish at resolution 8, in both.
    for (const r of refined) {
      const [row] = await queryRows<{ res: number | null }>(
        t.db,
        sql.raw(`select h3_res as res from "${r.table}" where public_id = '${r.publicId}'`),
      );
      expect(row?.res, r.table).toBe(8);
    }
  }, 600_000);

  it("records each log's row count with it: the open data's unfiltered counts, read from that record, are the tables' counts", async () => {
    const logs = {
      "drone-flights": "pub_flights",
      "camera-accesses": "pub_camera_accesses",
      "plate-reader-searches": "pub_alpr_searches",
      "cso-calls": "pub_cso_calls",
    };
    for (const [slug, table] of Object.entries(logs)) {
      const [{ n }] = await queryRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from "${table}"`));
      expect(n, table).toBeGreaterThan(0);
      expect(await openDataSource(t.db).reader(slug)!.count({}), slug).toBe(n);
    }
  });

  it("rewrites nothing when nothing changed and the reference time stands still", async () => {
    const before = await published();
    const again = await runPublish(t.db, { ...base, asOf: asOf2 });
    for (const d of ["drones", "cameras", "alpr", "cso"]) expect(again.scopes[d]).toBe("0 dates");
    expect(await published()).toEqual(before);
  }, 600_000);

  it("rebuilds a dataset whose reference tables changed", async () => {
    await t.db.execute(sql`update areas set name = name || ' (renamed)' where id = (select min(id) from areas)`);
    const r = await runPublish(t.db, { ...base, asOf: asOf2 });
    expect(r.scopes.drones).toMatch(/^full \(the reference tables/);
    // Plate-reader rows name no area: on a Postgres server they stay as they are; the embedded
    // database rebuilds everything in steps when one dataset must be rebuilt.
    if (dbMode === "postgres") expect(r.scopes.alpr).toBe("0 dates");
    else expect(r.scopes.alpr).toMatch(/^full \(rebuilt in steps/);
  }, 600_000);
});

// The annual reports (issue 23.3) keep per-date partial counts (publish_part_annual_counts) that an
// incremental publication rewrites for the dates any dataset changed or the reports' own delay
// crossed: every record counted by the camera-access delay (sensitive flights by theirs), CSO
// calls from their receipt, by local date and summed by local year.
describe("incremental publication: annual reports", () => {
  const DAY = 24 * HOUR;
  let asOfA: Date;
  let asOfB: Date;
  /** A flight that crosses the reports' delay between the two runs but not the flights' own. */
  let longFlight: { id: number; day: string };

  beforeAll(async () => {
    // This block's own database (the helpers above read `t`).
    const demo = await demoDb(0.05, "flights");
    t = demo.t;
    asOfA = new Date(demo.latest.getTime() - 5 * DAY);
    asOfB = new Date(asOfA.getTime() + 2 * DAY);
    const delay = rules.delayHours.cameraAccess * HOUR;
    // Launched weeks before the first run and landed an hour after the reports' first cutoff:
    // published as a flight by both runs (a day's delay), counted by the reports only in the
    // second, on a date no dataset's scope rewrites (nor the year's edge below).
    const [flight] = await queryRows<{ id: number; launched: string }>(
      t.db,
      sql`select id, launched_at::text as launched from drone_flights where not sensitive and area_id is not null
        order by id limit 1`,
    );
    const back = /-(12-31|01-01)$/.test(localDate(new Date(asOfA.getTime() - 20 * DAY), base.timeZone)) ? 25 : 20;
    const id = await copyRow(
      "drone_flights",
      Number(flight.id),
      "annual-long",
      asOfA.getTime() - back * DAY - new Date(flight.launched).getTime(),
    );
    await t.db.execute(
      sql`update drone_flights set landed_at = ${new Date(asOfA.getTime() - delay + HOUR).toISOString()}::timestamptz
        where id = ${id}`,
    );
    longFlight = { id, day: localDate(new Date(asOfA.getTime() - back * DAY), base.timeZone) };
    // A CSO call received an hour after the reports' first cutoff and cleared days later: the
    // reports count it from its receipt (the second run), the CSO log from its end (neither).
    const [call] = await queryRows<{ id: number; received: string }>(
      t.db,
      sql`select id, received_at::text as received from cso_activities order by id limit 1`,
    );
    const callId = await copyRow(
      "cso_activities",
      Number(call.id),
      "annual-received",
      asOfA.getTime() - delay + HOUR - new Date(call.received).getTime(),
    );
    await t.db.execute(
      sql`update cso_activities set on_scene_at = null, cleared_at = received_at + interval '3 days' where id = ${callId}`,
    );
    await runPublish(t.db, { ...base, asOf: asOfA, full: true });
  }, 600_000);
  afterAll(async () => t?.close());

  const reports = async () =>
    (await queryRows<{ r: string }>(t.db, sql`select (x.*)::text as r from pub_annual_reports x`))
      .map((r) => r.r)
      .sort();

  it("writes the reports and partial counts a full rebuild writes, across a year's edge and the reports' delay", async () => {
    const [{ counted }] = await queryRows<{ counted: number }>(
      t.db,
      sql`select coalesce(sum(n), 0)::int as counted from publish_part_annual_counts
        where source = 'drones' and part = 'areas' and local_date = ${longFlight.day}::date`,
    );
    const before = await reports();
    // Late records on either side of the last local year's end (23:30 on 31 December, 00:30 on 1 January).
    const lastYear = Number(
      localDate(new Date(asOfB.getTime() - rules.delayHours.cameraAccess * HOUR), base.timeZone).slice(0, 4),
    );
    const newYear = startOfLocalDay(`${lastYear}-01-01`, base.timeZone).getTime();
    for (const [i, d] of DATASETS.entries()) {
      const [pick] = await queryRows<{ id: number; at: string }>(
        t.db,
        sql.raw(`select id, ${d.at}::text as at from "${d.table}" where ${d.ended} is not null ${d.extra}
          order by id limit 1`),
      );
      for (const [k, at] of [newYear - 30 * 60_000, newYear + 30 * 60_000].entries())
        await copyRow(d.table, Number(pick.id), `annual-edge-${i}-${k}`, at - new Date(pick.at).getTime());
    }
    const inc = await runPublish(t.db, { ...base, asOf: asOfB });
    expect(inc.scopes["annual-reports"]).toMatch(/^\d+ dates$/);
    const afterIncremental = await published();
    const [{ now }] = await queryRows<{ now: number }>(
      t.db,
      sql`select coalesce(sum(n), 0)::int as now from publish_part_annual_counts
        where source = 'drones' and part = 'areas' and local_date = ${longFlight.day}::date`,
    );
    // The long flight is counted now, on its launch date.
    expect(now).toBe(counted + 1);
    expect(await reports()).not.toEqual(before);

    const full = await runPublish(t.db, { ...base, asOf: asOfB, full: true });
    expect(full.scopes["annual-reports"]).toMatch(/^full/);
    const afterFull = await published();
    for (const table of ["pub_annual_reports", "publish_part_annual_counts"]) {
      expect(afterIncremental[table].length, table).toBeGreaterThan(0);
      expect(afterIncremental[table], table).toEqual(afterFull[table]);
    }
  }, 600_000);

  it("rebuilds them when a dataset they count was published without them", async () => {
    // A late flight, whose change the drones-only publication consumes.
    const [old] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from drone_flights where not sensitive and area_id is not null
        and launched_at < ${new Date(asOfA.getTime() - 60 * DAY).toISOString()}::timestamptz order by id limit 1`,
    );
    await copyRow("drone_flights", Number(old.id), "annual-only-drones", 0);
    await runPublish(t.db, { ...base, asOf: new Date(asOfB.getTime() + HOUR), only: ["drones"] });
    const asOf = new Date(asOfB.getTime() + 2 * HOUR);
    const r = await runPublish(t.db, { ...base, asOf });
    expect(r.scopes["annual-reports"]).toBe("full (drones was published without them since)");
    const afterThat = await published();
    await runPublish(t.db, { ...base, asOf, full: true });
    const afterFull = await published();
    for (const table of ["pub_annual_reports", "publish_part_annual_counts"])
      expect(afterThat[table], table).toEqual(afterFull[table]);
    const again = await runPublish(t.db, { ...base, asOf });
    expect(again.scopes["annual-reports"]).toBe("0 dates");
  }, 600_000);
});

// CSO rollups are summed from per-date partials and whole-record totals kept by difference
// (server/publish/cso-parts.ts); a period's first date is counted from the rows; the pre-pilot
// baseline is kept and computed again only when a CSO baseline response changed.
describe("incremental publication: CSO partials and baseline", () => {
  const DAY = 24 * HOUR;
  const only = ["cso"];
  let asOfA: Date;
  let asOfB: Date;
  const cso = (all: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(all)
        .filter(
          ([k]) =>
            k.startsWith("publish_part_cso") ||
            ["pub_cso_calls", "pub_metrics", "pub_breakdowns", "pub_cells"].includes(k),
        )
        .map(([k, rows]) => [
          k,
          rows.filter((r) => k.startsWith("publish_part_cso") || k === "pub_cso_calls" || r.startsWith("(cso,")),
        ]),
    );
  const baselineN = async () =>
    (
      await queryRows<{ n: number | null }>(
        t.db,
        sql`select n from pub_metrics where dataset = 'cso' and period = 'baseline' and metric = 'median_response_min'`,
      )
    )[0]?.n;

  beforeAll(async () => {
    const demo = await demoDb(0.03, "cso calls");
    t = demo.t;
    asOfA = new Date(demo.latest.getTime() - 5 * DAY);
    asOfB = new Date(asOfA.getTime() + 2 * DAY);
    // Every dataset: the CSO changes the seed logged are consumed once the drones have seen them too.
    await runPublish(t.db, { ...base, asOf: asOfA, full: true });
  }, 600_000);
  afterAll(async () => t?.close());

  it("writes what a full rebuild writes: calls on the periods' first dates, medians moved, a changed baseline", async () => {
    const delay = rules.delayHours.csoActivities * HOUR;
    const [pick] = await queryRows<{ id: number; received: string }>(
      t.db,
      sql`select id, received_at::text as received from cso_activities
        where on_scene_at is not null and lat is not null order by id limit 1`,
    );
    const at = (externalId: string, when: number) =>
      copyRow("cso_activities", Number(pick.id), externalId, when - new Date(pick.received).getTime());
    // Either side of the last 30 days' first instant, for the second run and for the first.
    for (const [i, from] of [asOfB.getTime() - delay - 30 * DAY, asOfA.getTime() - delay - 30 * DAY].entries()) {
      await at(`cso-edge-after-${i}`, from + 60_000);
      await at(`cso-edge-before-${i}`, from - 60_000);
    }
    // Slow responses on an old date: every median since launch moves onto values of dates left as they are.
    for (let k = 0; k < 5; k++) {
      const id = await at(`cso-slow-${k}`, asOfA.getTime() - 90 * DAY + k * HOUR);
      await t.db.execute(
        sql`update cso_activities set on_scene_at = received_at + interval '300 minutes',
          cleared_at = received_at + interval '400 minutes' where id = ${id}`,
      );
    }
    const before = await baselineN();
    await t.db.execute(
      sql`delete from baseline_responses where id = (select min(id) from baseline_responses where program = 'cso')`,
    );

    const inc = await runPublish(t.db, { ...base, asOf: asOfB, only });
    expect(inc.scopes.cso).toMatch(/^\d+ dates$/);
    // The baseline was computed again (one response fewer), and the change it saw is gone.
    expect(await baselineN()).not.toBe(before);
    expect(await queryRows(t.db, sql`select id from publish_cso_baseline_changes`)).toEqual([]);
    const afterIncremental = cso(await published());

    await runPublish(t.db, { ...base, asOf: asOfB, full: true, only });
    const afterFull = cso(await published());
    expect(Object.keys(afterIncremental).length).toBeGreaterThanOrEqual(10);
    for (const table of Object.keys(afterFull)) {
      expect(afterIncremental[table].length, table).toBeGreaterThan(0);
      expect(afterIncremental[table], table).toEqual(afterFull[table]);
    }
  }, 600_000);

  it("keeps the baseline while no CSO baseline response changes", async () => {
    // What the last publication kept is what the next one publishes (shown by altering it)...
    await t.db.execute(
      sql`update publish_part_cso_baseline set baseline = jsonb_set(baseline::jsonb, '{overall,n}', '4242')::text`,
    );
    // ...also after a change to another program's baseline responses.
    await t.db.execute(
      sql`update baseline_responses set on_scene_at = on_scene_at + interval '1 minute'
        where id = (select min(id) from baseline_responses where program = 'drones')`,
    );
    await runPublish(t.db, { ...base, asOf: new Date(asOfB.getTime() + HOUR), only });
    expect(await baselineN()).toBe(4242);
    // A change to a CSO baseline response: computed again.
    await t.db.execute(
      sql`update baseline_responses set on_scene_at = on_scene_at + interval '1 minute'
        where id = (select min(id) from baseline_responses where program = 'cso')`,
    );
    await runPublish(t.db, { ...base, asOf: new Date(asOfB.getTime() + 2 * HOUR), only });
    expect(await baselineN()).not.toBe(4242);
  }, 600_000);
});
