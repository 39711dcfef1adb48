// Background jobs (server/jobs) on the database the tests run on: the in-process queue on PGlite,
// pg-boss on the Postgres server. Same rules either way: jobs run, failed attempts are retried with
// exponential backoff and recorded, and one publish job runs at a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, desc, eq } from "drizzle-orm";
import { jobRuns, publicationRuns } from "../../db/schema";
import { createJobQueue, type JobQueue } from "../../server/jobs";
import { jobSpecs } from "../../server/jobs/specs";
import type { JobSpec } from "../../server/jobs/types";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef";
process.env.DAYLIGHT_PSEUDONYM_KEY ??= "test-pseudonym-key-0123456789abcdef";

let t: TestDb;
const queues: JobQueue[] = [];
beforeAll(async () => {
  t = await createTestDb();
}, 600_000);
afterAll(async () => {
  for (const q of queues) await q.stop();
  await t?.close();
});

function testUrl(): string | undefined {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const u = new URL(base);
  u.pathname = `/${t.name}`;
  return u.toString();
}

async function queue(specs: Record<string, JobSpec>, worker = "test-worker"): Promise<JobQueue> {
  // pg-boss counts delays in whole seconds; the in-process queue's second is shrunk to 20 ms.
  const q = await createJobQueue({
    db: t.db,
    url: testUrl(),
    specs,
    msPerSecond: 20,
    pollingIntervalSeconds: 0.5,
    worker,
  });
  queues.push(q);
  return q;
}

/** Waits (polling the record, not a clock) until `done` holds for the job's recorded attempts. */
async function attemptsOf(job: string, done: (rows: (typeof jobRuns.$inferSelect)[]) => boolean) {
  for (let i = 0; i < 600; i++) {
    const rows = await t.db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(asc(jobRuns.id));
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${job} did not finish`);
}

const spec = (run: JobSpec["run"], o: Partial<JobSpec> = {}): JobSpec => ({
  retryLimit: 2,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  run,
  ...o,
});

describe(`background jobs (${dbMode})`, () => {
  it("runs a queued job and records the attempt and its result", async () => {
    const q = await queue({ hello: spec(() => Promise.resolve("said hello")) });
    await q.enqueue("hello", { trigger: "test" });
    const rows = await attemptsOf("hello", (r) => r.some((x) => x.status !== "running"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "succeeded", attempt: 1, maxAttempts: 3, result: "said hello" });
    expect(rows[0].data).toEqual({ trigger: "test" });
    expect(rows[0].finishedAt).not.toBeNull();
  });

  it("retries a failing job with exponential backoff and records every attempt", async () => {
    let calls = 0;
    const q = await queue({
      flaky: spec(() => {
        calls++;
        return calls < 3 ? Promise.reject(new Error(`broken ${calls}`)) : Promise.resolve("fixed");
      }),
    });
    await q.enqueue("flaky");
    const rows = await attemptsOf("flaky", (r) => r.some((x) => x.status === "succeeded"));
    expect(rows.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [1, "retrying", "broken 1"],
      [2, "retrying", "broken 2"],
      [3, "succeeded", null],
    ]);
    // The second retry waited at least twice the delay unit the first one did (backoff).
    const unit = q.kind === "pg-boss" ? 1000 : 20;
    const gap = (i: number) => rows[i + 1].startedAt.getTime() - rows[i].finishedAt!.getTime();
    expect(gap(0)).toBeGreaterThanOrEqual(unit * 0.9);
    expect(gap(1)).toBeGreaterThanOrEqual(2 * unit * 0.9);
  });

  it("marks a job failed, with its error, when every attempt fails", async () => {
    const q = await queue({ doomed: spec(() => Promise.reject(new Error("disk full")), { retryLimit: 1 }) });
    await q.enqueue("doomed");
    const rows = await attemptsOf("doomed", (r) => r.some((x) => x.status === "failed"));
    expect(rows.map((r) => [r.attempt, r.maxAttempts, r.status, r.error])).toEqual([
      [1, 2, "retrying", "disk full"],
      [2, 2, "failed", "disk full"],
    ]);
  });

  it("publishes through the real publish job", async () => {
    const q = await queue({ publish: jobSpecs.publish });
    await q.enqueue("publish", { trigger: "test-job" });
    const rows = await attemptsOf("publish", (r) => r.some((x) => x.status !== "running"));
    expect(rows[0].status).toBe("succeeded");
    const [run] = await t.db.select().from(publicationRuns).orderBy(desc(publicationRuns.id)).limit(1);
    expect(run).toMatchObject({ status: "succeeded", trigger: "test-job" });
    expect(rows[0].result).toContain(`published run ${run.id}`);
  });

  it("keeps at most one job of a name waiting: a burst of changes runs once", async () => {
    let runs = 0;
    const q = await queue({ burst: spec(() => Promise.resolve(`run ${++runs}`)) });
    // Queued a few seconds ahead so that all five land while the first still waits.
    for (let i = 0; i < 5; i++) await q.enqueue("burst", { i }, { delaySeconds: 2 });
    await attemptsOf("burst", (r) => r.some((x) => x.status === "succeeded"));
    // A job queued now runs next: had the burst queued five, {i: 1} would run before it.
    await q.enqueue("burst", { probe: true });
    const rows = await attemptsOf("burst", (r) => r.filter((x) => x.status === "succeeded").length >= 2);
    expect(rows.map((r) => r.data)).toEqual([{ i: 0 }, { probe: true }]);
  });
});

describe.runIf(dbMode === "postgres")("two portal instances on one Postgres database", () => {
  it("never run the publish job at the same time", async () => {
    let running = 0;
    let overlaps = 0;
    let finished = 0;
    const slow = spec(async () => {
      running++;
      if (running > 1) overlaps++;
      await new Promise((r) => setTimeout(r, 700));
      running--;
      finished++;
      return "published";
    });
    const a = await queue({ "publish-pair": slow }, "instance-a");
    const b = await queue({ "publish-pair": slow }, "instance-b");
    // Both instances ask to publish, repeatedly, while a publication runs.
    for (let i = 0; i < 8; i++) {
      await (i % 2 ? a : b).enqueue("publish-pair", { i });
      await new Promise((r) => setTimeout(r, 250));
    }
    const rows = await attemptsOf("publish-pair", (r) => r.length >= 2 && r.every((x) => x.status !== "running"));
    expect(overlaps).toBe(0);
    expect(finished).toBe(rows.length);
    const sorted = [...rows].sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].startedAt.getTime()).toBeGreaterThanOrEqual(sorted[i - 1].finishedAt!.getTime());
    // Stately: eight requests during runs collapse to far fewer publications.
    expect(rows.length).toBeLessThan(8);
  });
});
