// The CSO rollups summed from the partial aggregates (server/publish/cso-parts.ts, SQL) are exactly
// those of the calls counted one by one in memory (sumsOfCalls, the rules' reference), on the demo
// record plus calls at the edges: at a period's first instant and a fraction of a millisecond after
// it, odd referral lists, no neighborhood, no place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ShadowTables } from "../../db/shadow";
import { csoPublisher } from "../../server/publish/cso";
import { periodsFor } from "../../server/publish/cameras";
import { pgcryptoSchema } from "../../server/publish/camera-sql";
import { rollupsFromSums } from "../../server/publish/cso-rollups";
import { sumsOfCalls } from "../../server/publish/cso-sums";
import { loadCalls } from "../../server/publish/cso-source";
import { FULL } from "../../lib/publish/incremental";
import { rules } from "../../lib/publish/rules";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import { dbMode, type TestDb } from "../helpers/db";
import { demoDb } from "../helpers/demo";

const TZ = "America/Los_Angeles";
const KEY = "test-key-0123456789abcdef";
let t: TestDb;
let asOf: Date;

/** Adds a call copied from an existing one, received at `at` (ended 20 minutes later), with `set` applied. */
async function addCall(externalId: string, at: Date, set = ""): Promise<void> {
  await t.db.execute(
    sql.raw(`insert into cso_activities (source, external_id, category, call_source, received_at, on_scene_at,
        cleared_at, area_id, lat, lon, outcome, referrals)
      select source, '${externalId}', category, call_source, '${at.toISOString()}'::timestamptz,
        '${at.toISOString()}'::timestamptz + interval '7 minutes 3.05 seconds',
        '${at.toISOString()}'::timestamptz + interval '20 minutes', area_id, lat, lon, outcome, referrals
      from cso_activities where lat is not null order by id limit 1`),
  );
  if (set) await t.db.execute(sql.raw(`update cso_activities set ${set} where external_id = '${externalId}'`));
}

describe(`CSO rollups from partial aggregates (${dbMode})`, () => {
  beforeAll(async () => {
    const demo = await demoDb(0.03, "cso calls");
    t = demo.t;
    asOf = new Date(Math.floor(demo.latest.getTime() / 1000) * 1000 + 345);
    const cutoff = publicationCutoff(asOf, rules.delayHours.csoActivities);
    const [last30, since] = periodsFor({ timeZone: TZ }, cutoff);
    const edges = [last30.from, since.from];
    for (const [i, from] of edges.entries()) {
      await addCall(`edge-at-${i}`, from);
      // Microseconds after the instant: on the same millisecond, as the rules compare instants.
      await addCall(
        `edge-us-${i}`,
        new Date(from.getTime()),
        `received_at = received_at + interval '400 microseconds'`,
      );
      await addCall(`edge-ms-${i}`, new Date(from.getTime() + 1));
      await addCall(`edge-day-${i}`, new Date(from.getTime() - 3600_000));
    }
    await addCall(
      "odd-referrals",
      new Date(last30.from.getTime() + 86400_000),
      `referrals = '{housing,"",other,housing,x}'`,
    );
    await addCall("no-area", new Date(last30.from.getTime() + 2 * 86400_000), "area_id = null");
    await addCall("no-place", new Date(last30.from.getTime() + 3 * 86400_000), "lat = null, lon = null");
    await addCall("no-scene", new Date(last30.from.getTime() + 4 * 86400_000), "on_scene_at = null, cleared_at = null");
  }, 600_000);
  afterAll(async () => t?.close());

  it("equal the rollups of the calls counted one by one", async () => {
    const cutoff = publicationCutoff(asOf, rules.delayHours.csoActivities);
    const periods = periodsFor({ timeZone: TZ }, cutoff);
    const built = await t.db.transaction(async (tx) => {
      const shadow = new ShadowTables(tx);
      const ctx = { asOf, rules, pseudonymKey: KEY, timeZone: TZ, pgcrypto: await pgcryptoSchema(tx), tx, shadow };
      const r = (await csoPublisher.build!({ ...ctx, scope: FULL("test") })) as {
        rollups: ReturnType<typeof rollupsFromSums>;
      };
      for (const tb of shadow.tables()) await tx.execute(sql.raw(`drop table "${tb}__next"`));
      return r.rollups;
    });
    const reference = rollupsFromSums(sumsOfCalls(await loadCalls(t.db, cutoff), periods, TZ));
    expect(built.metrics).toEqual(reference.metrics);
    expect(built.breakdowns).toEqual(reference.breakdowns);
    // (pub_cells has no order: the cells of a period in any order.)
    const sorted = (cells: typeof built.cells) =>
      [...cells].sort((a, b) => `${a.period}|${a.cell}`.localeCompare(`${b.period}|${b.cell}`));
    expect(sorted(built.cells)).toEqual(sorted(reference.cells));
    expect(built.suppressed).toBe(reference.suppressed);
    expect(built.response).toEqual(reference.response);
    // The edges were counted: the calls at each period's first instant are left out.
    const calls = built.metrics.find((m) => m.period === "last30" && m.metric === "calls")!;
    expect(calls.value).toBeGreaterThan(0);
  }, 600_000);
});
