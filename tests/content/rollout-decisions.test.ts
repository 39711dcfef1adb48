// A council rollout decision: the meeting, agenda item, vote and one decision per area in one
// transaction, shown publicly with its reason and vote; an unknown area changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, councilVotes, programs, rolloutDecisions } from "../../db/schema";
import { listRolloutDecisions } from "../../db/queries/public/prioritization";
import { recordRolloutDecision, type RolloutDecisionInput } from "../../db/queries/staff/rollout";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
const square = { type: "Polygon" as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const base: RolloutDecisionInput = {
  program: "watch_center",
  areaSlugs: ["d-01", "d-02"],
  status: "approved",
  decidedOn: "2026-03-04",
  liveOn: null,
  reason: "Highest calls for service per 1,000 residents and cameras already on the lighting network.",
  motion: "Approve crime centers in the first two divisions",
  result: "passed",
  ayes: 11,
  noes: 3,
  abstentions: 1,
  userId: null,
};

beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(programs).values({ slug: "watch_center", name: "Real-time crime center", status: "planned" });
  await t.db.insert(areas).values([
    { slug: "d-01", name: "Division One", kind: "division", population: 180000, boundary: square },
    { slug: "d-02", name: "Division Two", kind: "division", population: 150000, boundary: square },
  ]);
}, 120_000);
afterAll(async () => t?.close());

describe(`rollout decisions (${dbMode})`, () => {
  it("records the vote once and a decision per area, shown with its reason", async () => {
    const r = await t.db.transaction((tx) => recordRolloutDecision(tx, base));
    expect("voteId" in r && r.decisionIds).toHaveLength(2);
    const list = await listRolloutDecisions({ db: t.db });
    expect(list.map((d) => d.area).sort()).toEqual(["d-01", "d-02"]);
    expect(list[0]).toMatchObject({ status: "approved", result: "passed", ayes: 11, noes: 3, reason: base.reason });
    expect(await t.db.select().from(councilVotes)).toHaveLength(1);
  });

  it("refuses an unknown area without writing anything", async () => {
    const before = (await t.db.select().from(rolloutDecisions)).length;
    const r = await t.db.transaction((tx) => recordRolloutDecision(tx, { ...base, areaSlugs: ["d-01", "nowhere"] }));
    expect(r).toEqual({ error: "One of the areas is not an area of this city." });
    expect(await t.db.select().from(rolloutDecisions)).toHaveLength(before);
  });
});
