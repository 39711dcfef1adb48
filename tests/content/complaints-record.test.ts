// Issue 21 item 4: complaints are tied to records both ways. A record's complaints and a
// complaint's public page carry status, dates and the published outcome, never the resident's words
// or contact; plate-reader searches are a target like flights and camera accesses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedback } from "@/db/schema";
import { complaintsAbout, publicComplaint } from "@/db/queries/public/complaints";
import { statusHistory } from "@/lib/content/complaint-status";
import { parseTarget, programForTarget, targetLabel } from "@/lib/content/feedback";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
const WORDS = "My neighbour Jane Example saw the drone over 12 Canary Lane";

describe(`complaints about a record (${dbMode})`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.insert(feedback).values([
      {
        kind: "complaint",
        targetType: "flight",
        targetRef: "fl-abc",
        body: WORDS,
        contactEmail: "jane@example.org",
        status: "resolved",
        outcome: "The flight answered a call; no footage kept.",
        createdAt: new Date("2026-03-01T10:00:00Z"),
        resolvedAt: new Date("2026-03-09T10:00:00Z"),
      },
      {
        kind: "complaint",
        targetType: "flight",
        targetRef: "fl-abc",
        body: WORDS,
        status: "in_progress",
        createdAt: new Date("2026-03-02T10:00:00Z"),
      },
      { kind: "complaint", targetType: "flight", targetRef: "fl-other", body: WORDS, status: "new" },
      { kind: "complaint", targetType: "search", targetRef: "fl-abc", body: WORDS, status: "new" },
    ]);
  });
  afterAll(async () => t?.close());

  it("lists only the complaints about that record, oldest first, without the resident's words", async () => {
    const rows = await complaintsAbout({ db: t.db, targetType: "flight", targetRef: "fl-abc" });
    expect(rows.map((r) => r.status)).toEqual(["resolved", "in_progress"]);
    expect(JSON.stringify(rows)).not.toContain("Jane");
    expect(JSON.stringify(rows)).not.toContain("example.org");
  });

  it("a complaint's public page has its status history and outcome, and no words or contact", async () => {
    const [first] = await complaintsAbout({ db: t.db, targetType: "flight", targetRef: "fl-abc" });
    const c = (await publicComplaint({ db: t.db, id: first.id }))!;
    expect(c.outcome).toBe("The flight answered a call; no footage kept.");
    expect(JSON.stringify(c)).not.toContain("Canary");
    expect(statusHistory(c).map((s) => [s.label, s.at?.toISOString() ?? null, s.current])).toEqual([
      ["Received", "2026-03-01T10:00:00.000Z", false],
      ["Resolved", "2026-03-09T10:00:00.000Z", true],
    ]);
    expect(await publicComplaint({ db: t.db, id: 999_999 })).toBeNull();
  });

  it("an open complaint shows where it stands", () => {
    const steps = statusHistory({ status: "in_progress", createdAt: new Date("2026-03-02T10:00:00Z"), resolvedAt: null });
    expect(steps.map((s) => s.label)).toEqual(["Received", "Being looked into"]);
  });

  it("plate-reader searches and camera accesses are complaint targets", () => {
    expect(parseTarget("search:s-12ab")).toEqual({ type: "search", ref: "s-12ab" });
    expect(programForTarget({ type: "search", ref: "s-12ab" })).toBe("plate_readers");
    expect(programForTarget({ type: "access", ref: "a-1" })).toBe("fixed_cameras");
    expect(targetLabel("search", "s-12ab")).toBe("plate-reader search s-12ab");
  });
});
