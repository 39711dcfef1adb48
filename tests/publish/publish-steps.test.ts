// On the embedded database (one connection, held by a transaction until it ends) a publication
// builds one dataset at a time, each in a short transaction, and swaps them in with one more
// (server/publish/run.ts): pages are answered between the steps, from the publication still served,
// and an interrupted publication leaves that one whole, its leftovers dropped by the next run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, sql } from "drizzle-orm";
import { publicationRuns } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { seedDemo } from "../../server/seed";
import { runPublish, type PublishOptions } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

// Full rebuilds: the steps are how a full publication runs on the embedded database (an incremental
// one is a single short transaction, tests/publish/incremental.test.ts).
const base = {
  pseudonymKey: "test-key-0123456789abcdef",
  timeZone: "America/Los_Angeles",
  trigger: "test",
  full: true,
};
let t: TestDb;
let asOf: Date;

const flightsServed = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pub_flights`))[0].n;

/** A digest of every served published table (the tables being rebuilt, "<table>__next", aside). */
async function served(): Promise<Record<string, string>> {
  const tables = await queryRows<{ t: string }>(
    t.db,
    sql`select tablename as t from pg_tables where schemaname = current_schema()
      and (tablename like 'pub\\_%' or tablename like 'publish\\_part\\_%') and tablename not like '%\\_\\_next' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { t: name } of tables) {
    const [r] = await queryRows<{ h: string }>(
      t.db,
      sql.raw(
        `select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
      ),
    );
    out[name] = r.h;
  }
  return out;
}

const leftovers = async () =>
  (
    await queryRows<{ t: string }>(t.db, sql`select tablename as t from pg_tables where tablename like '%\\_\\_next'`)
  ).map((r) => r.t);

describe.skipIf(dbMode !== "pglite")("publication on the embedded database, one dataset at a time", () => {
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db, { scale: 0.05, seed: 20251001 });
    const [{ latest }] = await queryRows<{ latest: string }>(
      t.db,
      sql`select max(landed_at)::text as latest from drone_flights`,
    );
    // The first publication a month before the seeded data ends, so the next one has more to show.
    asOf = new Date(new Date(latest).getTime() + 10 * 86400_000);
    await runPublish(t.db, { ...base, asOf: new Date(asOf.getTime() - 30 * 86400_000) });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it("answers a read between the datasets' builds, from the publication still served", async () => {
    const before = await flightsServed();
    expect(before).toBeGreaterThan(0);
    const steps: string[] = [];
    let read: Promise<void> | undefined;
    let answered: number | undefined;
    let answeredAtNextStep: number | undefined;
    await runPublish(t.db, {
      ...base,
      asOf,
      onStep: (s) => {
        steps.push(s.name ?? s.step);
        // Asked as soon as the first dataset is built; on one long transaction it would be
        // answered only after the publication committed.
        if (steps.length === 2) answeredAtNextStep = answered;
        if (s.step === "built") read ??= flightsServed().then((n) => void (answered = n));
      },
    });
    expect(steps).toEqual(["drones", "cameras", "alpr", "cso", "annual-reports", "swapping"]);
    // Answered before the next dataset's build ended, with the old publication's rows.
    expect(answeredAtNextStep).toBe(before);
    expect(await flightsServed()).toBeGreaterThan(before);
  }, 600_000);

  it("leaves the publication served whole when interrupted between builds, and the next run clears up", async () => {
    const before = await served();
    const interrupt: PublishOptions["onStep"] = (s) => {
      if (s.name === "alpr") throw new Error("stopped between builds");
    };
    await expect(
      runPublish(t.db, { ...base, asOf: new Date(asOf.getTime() + 86400_000), onStep: interrupt }),
    ).rejects.toThrow("stopped between builds");
    expect(await served()).toEqual(before);
    expect(await leftovers()).toEqual([]);
    const [failed] = await t.db.select().from(publicationRuns).orderBy(desc(publicationRuns.id)).limit(1);
    expect(failed.status).toBe("failed");

    // What a process stopped mid-publication leaves: committed builds and a run still "running".
    await t.db.execute(sql`create table pub_cso_calls__next (like pub_cso_calls)`);
    await t.db.execute(sql`create table pub_flights__next (like pub_flights)`);
    const [stale] = await t.db
      .insert(publicationRuns)
      .values({ asOf, rulesVersion: "test", status: "running", trigger: "test" })
      .returning({ id: publicationRuns.id });
    expect(await served()).toEqual(before);
    await runPublish(t.db, { ...base, asOf, only: ["findings"] });
    expect(await leftovers()).toEqual([]);
    const [after] = await t.db.select().from(publicationRuns).where(eq(publicationRuns.id, stale.id));
    expect(after.status).toBe("failed");
    expect(after.error).toMatch(/interrupted/);
  }, 600_000);

  it("runs one publication at a time: a second one asked meanwhile waits and then succeeds", async () => {
    const steps: string[] = [];
    const log = (who: string) => (s: { step: string; name?: string }) => void steps.push(`${who}:${s.name ?? s.step}`);
    const [a, b] = await Promise.all([
      runPublish(t.db, { ...base, asOf, only: ["drones", "cso"], onStep: log("a") }),
      runPublish(t.db, { ...base, asOf, only: ["drones", "cso"], onStep: log("b") }),
    ]);
    expect(steps).toEqual(["a:drones", "a:cso", "a:swapping", "b:drones", "b:cso", "b:swapping"]);
    expect(b.runId).toBeGreaterThan(a.runId);
  }, 600_000);
});
