// Public readers and API pages answer from memory between publications: a change to the published
// tables that no publication committed is not seen, and the next committed publication is.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFlights } from "@/db/queries/public/drones";
import { getMetrics } from "@/db/queries/public/rollups";
import { getLatestRun } from "@/db/queries/public/publication";
import { openDataSource } from "@/db/queries/public/opendata";
import { handleDatasetGet } from "@/server/opendata/http/dataset";
import { runPublish } from "@/server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "../publish/fixture";
import { req } from "./helpers";

const opts = { pseudonymKey: "test-pseudonym-key-0123456789", timeZone: "America/Los_Angeles", only: ["drones"] };
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db);
}, 600_000);
afterAll(async () => t?.close());

const flightCount = async () =>
  (await listFlights({ filters: {}, sort: "started", dir: "desc", page: 1, pageSize: 5, db: t.db })).total;
const apiTotal = async () => {
  const res = await handleDatasetGet(req(`/api/v1/drone-flights?limit=5`), "drone-flights", openDataSource(t.db));
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
};

describe(`cached public readers (${dbMode})`, () => {
  it("serve the latest committed publication, and only that", async () => {
    // An earlier cut-off publishes fewer flights than the later one.
    await runPublish(t.db, { ...opts, asOf: new Date(NOW.getTime() - 10 * 86_400_000) });
    const first = await flightCount();
    expect(await apiTotal()).toBe(first);
    const metrics = await getMetrics({ dataset: "drones", db: t.db });

    // Rows changed behind the publisher's back are not read: the pages are served from memory.
    await t.db.execute(sql`delete from pub_flights`);
    await t.db.execute(sql`delete from pub_datasets`);
    expect(await flightCount()).toBe(first);
    expect(await apiTotal()).toBe(first);
    expect(await getMetrics({ dataset: "drones", db: t.db })).toBe(metrics);

    const before = (await getLatestRun({ db: t.db })).id;
    await runPublish(t.db, { ...opts, asOf: NOW });
    expect((await getLatestRun({ db: t.db })).id).toBeGreaterThan(before);
    const second = await flightCount();
    expect(second).toBeGreaterThan(first);
    expect(await apiTotal()).toBe(second);
    expect(await getMetrics({ dataset: "drones", db: t.db })).not.toBe(metrics);
  });
});
