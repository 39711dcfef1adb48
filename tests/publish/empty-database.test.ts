// A real city starts empty (`daylight setup --no-demo`): publishing must succeed with no events.
import { afterAll, beforeAll, expect, it } from "vitest";
import { desc } from "drizzle-orm";
import { publicationRuns } from "../../db/schema";
import { runPublish } from "../../server/publish/run";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 600_000);
afterAll(async () => {
  await t?.close();
});

it("publishes an empty database and records a successful run", async () => {
  const r = await runPublish(t.db, {
    pseudonymKey: "test-key-0123456789abcdef",
    timeZone: "America/Los_Angeles",
    trigger: "test",
  });
  expect(r.cellsSuppressed).toBe(0);
  const [run] = await t.db.select().from(publicationRuns).orderBy(desc(publicationRuns.id)).limit(1);
  expect(run.status).toBe("succeeded");
  expect(run.error).toBeNull();
});
