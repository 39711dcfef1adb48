import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { seedPolicies } from "@/server/seed/policies";
import { programs } from "@/db/schema/reference";
import { feedbackCounts, fileFeedback, getPublicUpdate, listCurrentPolicies, listPublicUpdates, policyHistory, resolvedComplaints } from "@/db/queries/public/content";
import { saveUpdate, triageFeedback } from "@/db/queries/staff/content";
import { users } from "@/db/schema/auth";
import { renderMarkdown } from "@/lib/content/markdown";

let t: TestDb;
let userId: number;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(programs).values([
    { slug: "drones", name: "Drones", status: "pilot" }, { slug: "fixed_cameras", name: "Fixed cameras", status: "pilot" },
    { slug: "watch_center", name: "Watch center", status: "pilot" }, { slug: "plate_readers", name: "Plate readers", status: "pilot" },
    { slug: "cso", name: "Community Safety Officers", status: "pilot" },
  ]);
  [{ id: userId }] = await t.db.insert(users).values({ email: "staff@example.test", name: "Staff Person", role: "staff" }).returning({ id: users.id });
});
afterAll(async () => t?.close());

describe(`content on ${dbMode}`, () => {
  it("loads every policy file once, and again adds nothing", async () => {
    expect(await seedPolicies(t.db)).toBe(5);
    expect(await seedPolicies(t.db)).toBe(0);
    const current = await listCurrentPolicies({ db: t.db });
    expect(current.map((c) => c.current.slug).sort()).toEqual(["cameras-watch-center", "cso", "drones", "plate-readers"]);
    const drones = current.find((c) => c.current.slug === "drones")!;
    expect(drones.current.version).toBe("1.1");
    expect(drones.versions).toBe(2);
    expect(drones.current.programSlug).toBe("drones");
    expect(renderMarkdown(drones.current.bodyMdx)).toContain("<strong>not used for general surveillance</strong>");
    expect((await policyHistory({ db: t.db, slug: "drones" })).map((v) => v.version)).toEqual(["1.1", "1.0"]);
  });

  it("public updates show published and due scheduled ones only", async () => {
    const base = { summary: "", bodyMarkdown: "Body", programSlug: "drones", authorUserId: userId };
    await saveUpdate(t.db, { ...base, title: "Draft note", status: "draft", publishAt: null });
    await saveUpdate(t.db, { ...base, title: "Live now", status: "published", publishAt: null });
    await saveUpdate(t.db, { ...base, title: "Later", status: "scheduled", publishAt: new Date(Date.now() + 86_400_000) });
    const titles = (await listPublicUpdates({ db: t.db })).map((u) => u.title);
    expect(titles).toEqual(["Live now"]);
    expect(await getPublicUpdate({ db: t.db, slug: "draft-note" })).toBeNull();
    expect((await getPublicUpdate({ db: t.db, slug: "live-now" }))?.programSlug).toBe("drones");
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    expect((await listPublicUpdates({ db: t.db, now: tomorrow })).map((u) => u.title).sort()).toEqual(["Later", "Live now"]);
    expect(await listPublicUpdates({ db: t.db, program: "cso" })).toEqual([]);
  });

  it("feedback: public reads give counts and outcomes, never contact details or text", async () => {
    const { id } = await fileFeedback({ db: t.db, kind: "complaint", programSlug: "drones", targetType: "flight", targetRef: "f-123",
      body: "It hovered over my house", contactName: "Jane Resident", contactEmail: "jane@example.test" });
    await fileFeedback({ db: t.db, kind: "feedback", programSlug: "cso", targetType: "program", targetRef: "cso", body: "Thanks", contactName: null, contactEmail: null });
    await triageFeedback(t.db, { id, status: "resolved", outcome: "Flight reviewed: it answered a 911 call; no policy violation." });
    const outcomes = await resolvedComplaints({ db: t.db });
    expect(outcomes).toHaveLength(1);
    expect(JSON.stringify(outcomes)).not.toMatch(/Jane|jane@|hovered/);
    expect(outcomes[0].outcome).toMatch(/no policy violation/);
    const counts = await feedbackCounts({ db: t.db });
    expect(counts.find((c) => c.programSlug === "drones" && c.status === "resolved")?.n).toBe(1);
    expect(counts.find((c) => c.programSlug === "cso" && c.status === "new")?.n).toBe(1);
  });
});
