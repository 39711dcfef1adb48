// The demo seed ships a working review loop: some records marked reviewed, and closed findings
// with outcomes and public summaries that the findings publisher publishes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedDemo } from "../../server/seed";
import { findingRecords, findings, pubFindings, reviewActions } from "../../db/schema";
import { findingsPublisher } from "../../server/publish/findings";
import { rules } from "../../lib/publish/rules";
import { runPublishers } from "../helpers/publish";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { scale: 0.1, seed: 7 });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe(`demo review history (${dbMode})`, () => {
  it("seeds reviewed records and closed findings that publish", async () => {
    expect(
      (await t.db.select().from(reviewActions).where(eq(reviewActions.action, "reviewed"))).length,
    ).toBeGreaterThan(0);
    const closed = await t.db.select().from(findings).where(eq(findings.status, "closed"));
    expect(closed.length).toBeGreaterThanOrEqual(2);
    for (const f of closed) {
      expect(f.outcome).not.toBeNull();
      expect(f.publicSummary?.length).toBeGreaterThan(20);
      expect(
        (await t.db.select().from(findingRecords).where(eq(findingRecords.findingId, f.id))).length,
      ).toBeGreaterThan(0);
    }
    await runPublishers(t.db, [findingsPublisher], {
      runId: 1,
      asOf: new Date(),
      rules,
      pseudonymKey: "demo-key-long-enough-1234",
      timeZone: "America/Los_Angeles",
    });
    expect((await t.db.select().from(pubFindings)).map((p) => p.outcome).sort()).toEqual(
      closed.map((f) => f.outcome).sort(),
    );
  });
});
