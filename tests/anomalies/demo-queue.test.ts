// The review queue on the demo (scale 1, the shipped thresholds): few records flagged, and the
// planted misuse at the top of the people view, so an auditor's first page is the real finding.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { alprSearches, cameraAccessEvents, reviewQueue } from "../../db/schema";
import { listPeople } from "../../db/queries/review/people";
import { queryRows } from "../../db/sql";
import { recomputeFlags } from "../../server/anomalies/recompute";
import { seedDemo } from "../../server/seed";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { scale: 1, seed: 20251001 });
  await recomputeFlags(t.db);
}, 900_000);
afterAll(async () => {
  await t?.close();
});

describe(`the demo's review queue (${dbMode})`, () => {
  it("flags at most 3 % of all records", async () => {
    const [r] = await queryRows<{ flagged: number; records: number }>(
      t.db,
      sql`select (select count(*) from review_queue)::int as flagged,
        ((select count(*) from camera_access_events) + (select count(*) from alpr_searches) + (select count(*) from drone_flights))::int as records`,
    );
    expect(r.flagged).toBeGreaterThan(0);
    expect(r.flagged / r.records).toBeLessThanOrEqual(0.03);
  });

  it("ranks the planted misuse first: the night of boilerplate plate searches, then the shelter-camera browser on page one", async () => {
    const searcher = await t.db
      .selectDistinct({ id: alprSearches.personnelId })
      .from(alprSearches)
      .where(eq(alprSearches.externalId, "MIS-AS-001"));
    const browser = await t.db
      .selectDistinct({ id: cameraAccessEvents.personnelId })
      .from(cameraAccessEvents)
      .where(like(cameraAccessEvents.externalId, "MIS-AC-%"));
    expect(searcher).toHaveLength(1);
    expect(browser).toHaveLength(1);
    const { rows } = await listPeople(t.db, { filters: {}, page: 1, pageSize: 25 });
    expect(rows[0].personnelId).toBe(searcher[0].id);
    expect(rows.slice(0, 10).map((r) => r.personnelId)).toContain(browser[0].id);
    // Every planted access is in the queue.
    const planted = await t.db
      .select({ id: cameraAccessEvents.id })
      .from(cameraAccessEvents)
      .where(like(cameraAccessEvents.externalId, "MIS-AC-%"));
    const queued = await t.db
      .select({ id: reviewQueue.recordId })
      .from(reviewQueue)
      .where(
        and(
          eq(reviewQueue.recordType, "camera_access"),
          inArray(
            reviewQueue.recordId,
            planted.map((p) => p.id),
          ),
        ),
      );
    expect(queued.length).toBe(planted.length);
  });
});
