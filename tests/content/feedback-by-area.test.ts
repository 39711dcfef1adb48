// Feedback by area (issue 24.2): a message a resident files naming an area and a well-being theme is
// counted in that area's "community feedback" prioritization factor from the next publication on,
// and under its theme on the well-being page; an unknown area or theme is refused, and messages
// staff closed without action do not count.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engagementThemes, feedback } from "../../db/schema";
import { fileFeedback } from "../../db/queries/public/content";
import {
  feedbackChoices,
  feedbackCountsByTheme,
  resolveFeedbackContext,
  saveFeedbackContext,
} from "../../db/queries/public/feedback-context";
import { prioritizationData } from "../../db/queries/public/prioritization";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "../publish/fixture";

let t: TestDb;
let themeId: number;
const publish = () =>
  runPublish(t.db, { pseudonymKey: "k".repeat(32), timeZone: "America/Los_Angeles", asOf: NOW, only: ["drones"] });
const factor = async (slug: string) =>
  (await prioritizationData({ db: t.db })).areas.find((a) => a.slug === slug)!.values.community_concerns_per_1000;

/** What the form's action does with a message: check the area and theme, file it, keep its context. */
async function submit(area: string | null, theme: string | null) {
  return t.db.transaction(async (tx) => {
    const context = await resolveFeedbackContext({ db: tx, area, theme });
    if (!context.ok) return context;
    const { id } = await fileFeedback({
      db: tx,
      kind: "feedback",
      programSlug: "watch_center",
      targetType: "general",
      targetRef: null,
      body: "Please put the crime center here only after the street lights are fixed.",
      contactName: null,
      contactEmail: null,
    });
    await saveFeedbackContext({ db: tx, feedbackId: id, context: context.context });
    return { ok: true as const, id };
  });
}

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db);
  [{ id: themeId }] = await t.db
    .insert(engagementThemes)
    .values({ theme: "Street lighting", comments: 40, summary: "Lights first." })
    .returning({ id: engagementThemes.id });
  await publish();
}, 600_000);
afterAll(async () => t?.close());

describe(`feedback by area and theme (${dbMode})`, () => {
  it("offers the city's areas and the staff's themes", async () => {
    const c = await feedbackChoices({ db: t.db });
    expect(c.areas.map((a) => a.slug).sort()).toEqual(["north", "south"]);
    expect(c.themes).toEqual([{ id: themeId, theme: "Street lighting" }]);
  });

  it("refuses an area or theme that is not on the list, and stores nothing", async () => {
    const before = (await t.db.select().from(feedback)).length;
    expect(await submit("atlantis", null)).toMatchObject({ ok: false, field: "area" });
    expect(await submit("north", "9999")).toMatchObject({ ok: false, field: "theme" });
    expect(await submit(null, "1; drop table feedback")).toMatchObject({ ok: false, field: "theme" });
    expect((await t.db.select().from(feedback)).length).toBe(before);
  });

  it("moves the area's community feedback factor at the next publication, and the theme's count", async () => {
    expect(await factor("north")).toBe(0);
    for (let i = 0; i < 11; i++) expect(await submit("north", String(themeId))).toMatchObject({ ok: true });
    // Pages read the figures of the publication they show: nothing moves until the next one.
    expect(await factor("north")).toBe(0);
    await publish();
    // 11 messages for 10,000 residents.
    expect(await factor("north")).toBeCloseTo(1.1, 5);
    expect(await factor("south")).toBe(0);
    expect((await feedbackCountsByTheme({ db: t.db })).get(themeId)).toBe(11);
  });

  it("leaves out messages staff closed without action", async () => {
    const r = await submit("north", String(themeId));
    if (!r.ok) throw new Error("not filed");
    await t.db.update(feedback).set({ status: "dismissed" }).where(eq(feedback.id, r.id));
    await publish();
    expect(await factor("north")).toBeCloseTo(1.1, 5);
    expect((await feedbackCountsByTheme({ db: t.db })).get(themeId)).toBe(11);
  });
});
