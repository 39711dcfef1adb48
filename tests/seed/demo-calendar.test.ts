// Issue 21 item 2: the demo's council record, updates, feedback, costs and milestones are dated on
// the same relative calendar as the data, so they agree: nothing before the baseline starts or after
// today, no update reporting a vote that has not happened, real vote tallies, more than 50 city
// cameras, and milestones that are done, late and upcoming against today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { addDays } from "../../server/seed/calendar";
import { seedCameras } from "../../server/seed/cameras";
import { seedCivic } from "../../server/seed/civic";
import { CITY_CAMERAS } from "../../server/seed/cameras";
import { seedBudget, seedInitiatives, seedTargetsAndWeights } from "../../server/seed/content";
import { seedReference } from "../../server/seed/reference";
import { city } from "../../lib/config/city";
import { milestoneState } from "../../lib/content/milestone-status";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Every "Month D, YYYY" written in a text, as YYYY-MM-DD. */
function datesIn(text: string): string[] {
  const re = new RegExp(`(${MONTHS.join("|")}) (\\d{1,2}), (\\d{4})`, "g");
  return [...text.matchAll(re)].map(
    (m) => `${m[3]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, "0")}-${m[2].padStart(2, "0")}`,
  );
}
const isoDay = (d: Date | string | null) =>
  d === null ? null : typeof d === "string" ? d : d.toISOString().slice(0, 10);

let t: TestDb;
// The demo city's pilot starts 365 days before today and its baseline a year before that: today is
// computed from the configured calendar the seed used, not read from the clock.
const { start, baselineStart } = city().pilot;
const today = addDays(start, 365);

describe(`demo content on the pilot calendar (${dbMode})`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    const c = city();
    const ref = await seedReference(t.db, c, 20251001);
    await seedCameras(t.db, c, ref, 20251001);
    const cal = { pilotStart: start, cityCameras: CITY_CAMERAS };
    await seedBudget(t.db, ref, cal);
    await seedInitiatives(t.db, ref, cal);
    await seedTargetsAndWeights(t.db, cal);
    await seedCivic(t.db, ref, cal);
  });
  afterAll(async () => t?.close());

  const inWindow = (what: string, d: string | null) => {
    if (d === null) return;
    expect(d >= baselineStart, `${what}: ${d} is before the baseline start ${baselineStart}`).toBe(true);
    expect(d <= today, `${what}: ${d} is after today ${today}`).toBe(true);
  };

  it("dates every meeting, update, complaint, camera and cost between the baseline start and today", async () => {
    for (const m of await t.db.select().from(s.councilMeetings)) inWindow(`meeting ${m.title}`, m.meetingDate);
    for (const u of await t.db.select().from(s.programUpdates)) {
      inWindow(`update ${u.slug}`, isoDay(u.createdAt));
      inWindow(`update ${u.slug} publishAt`, isoDay(u.publishAt));
      // A published update never speaks of a date after it was written.
      for (const d of datesIn(`${u.summary} ${u.bodyMarkdown}`)) {
        inWindow(`date in update ${u.slug}`, d);
        expect(d <= isoDay(u.createdAt)!, `update ${u.slug} mentions ${d}, after it was written`).toBe(true);
      }
    }
    for (const f of await t.db.select().from(s.feedback)) {
      inWindow(`feedback ${f.id}`, isoDay(f.createdAt));
      inWindow(`feedback ${f.id} resolved`, isoDay(f.resolvedAt));
    }
    for (const c of await t.db.select().from(s.cameras)) inWindow(`camera ${c.name} installed`, c.installedAt);
    for (const m of await t.db.select().from(s.milestones)) inWindow(`milestone ${m.title} done`, m.completedDate);
    for (const b of await t.db.select().from(s.budgetItems)) inWindow(`budget ${b.name}`, isoDay(b.updatedAt));
    for (const a of await t.db.select().from(s.agendaItems)) {
      inWindow(`agenda ${a.title} period start`, a.periodStart);
      inWindow(`agenda ${a.title} period end`, a.periodEnd);
    }
  });

  it("every update about a vote names a meeting that has voted, on or before the update", async () => {
    const meetings = await t.db.select().from(s.councilMeetings);
    const votes = await t.db.select().from(s.councilVotes);
    const voted = new Set(votes.map((v) => meetings.find((m) => m.id === v.meetingId)!.meetingDate));
    const updates = (await t.db.select().from(s.programUpdates)).filter((u) =>
      /\bvote|\bvoted/i.test(`${u.summary} ${u.bodyMarkdown}`),
    );
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) {
      const named = datesIn(u.bodyMarkdown).filter((d) => voted.has(d));
      expect(named.length, `update ${u.slug} refers to a vote without naming its meeting`).toBeGreaterThan(0);
      for (const d of named) expect(d <= isoDay(u.createdAt)!, `update ${u.slug}: vote of ${d} is later`).toBe(true);
    }
  });

  it("votes have real tallies from a five-member council", async () => {
    const votes = await t.db.select().from(s.councilVotes);
    expect(votes.length).toBeGreaterThan(3);
    for (const v of votes) {
      expect(v.ayes + v.noes + v.abstentions, v.motion).toBe(5);
      if (v.result === "passed") expect(v.ayes, v.motion).toBeGreaterThan(v.noes);
      if (v.result === "failed") expect(v.ayes, v.motion).toBeLessThanOrEqual(v.noes);
    }
  });

  it("the city has more than 50 cameras of its own, and the launch update says how many", async () => {
    const cams = await t.db.select().from(s.cameras);
    const cityOwned = cams.filter((c) => c.owner === "city" && c.kind !== "plate_reader");
    expect(cityOwned.length).toBeGreaterThan(50);
    const [launch] = (await t.db.select().from(s.programUpdates)).filter((u) => u.slug === "pilot-launch");
    expect(launch.bodyMarkdown).toContain(`${cityOwned.length} city cameras`);
  });

  it("milestones are done, late and upcoming against today", async () => {
    const states = new Set((await t.db.select().from(s.milestones)).map((m) => milestoneState(m, today)));
    for (const st of ["done", "late", "upcoming"] as const) expect(states.has(st), st).toBe(true);
  });
});
