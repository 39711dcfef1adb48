import "server-only";
// Background jobs: `startJobs()` (from instrumentation.ts) starts this process's workers; the rest of
// the server asks for work with `enqueue` / `publishSoon`. On a Postgres server the queue is pg-boss,
// shared by every instance; on the embedded database it is an in-process queue with the same rules.
import type { Db } from "@/db/client";
import { dbHandle } from "@/db/client";
import { getLatestRun } from "@/db/queries/public/publication";
import { reviewQueueMissing } from "@/db/queries/review/queue-summary";
import { env } from "@/lib/env";
import { publishOnStart } from "@/lib/publish/start-publication";
import type { JobName } from "@/lib/vocab";
import { InProcessQueue } from "./in-process";
import { PgBossQueue } from "./pg-boss";
import { flagsInChildProcess } from "./child-flags";
import { jobSpecs } from "./specs";
import type { JobData, JobQueue, Specs } from "./types";

export type { JobData, JobQueue } from "./types";

export type QueueOptions = {
  db: Db;
  /** A postgres:// URL for pg-boss; without one, the in-process queue. */
  url?: string;
  specs?: Specs;
  msPerSecond?: number;
  pollingIntervalSeconds?: number;
  worker?: string;
  log?: (line: string) => void;
};

export async function createJobQueue(o: QueueOptions): Promise<JobQueue> {
  const specs = o.specs ?? jobSpecs;
  if (o.url)
    return PgBossQueue.start({
      db: o.db,
      url: o.url,
      specs,
      pollingIntervalSeconds: o.pollingIntervalSeconds,
      worker: o.worker,
      log: o.log,
    });
  return new InProcessQueue({ db: o.db, specs, msPerSecond: o.msPerSecond, worker: o.worker, log: o.log });
}

const g = globalThis as typeof globalThis & { __daylightJobs?: Promise<JobQueue> };

/** This process's queue, when its workers were started (the server); undefined in the CLI and tests. */
export function runningQueue(): Promise<JobQueue> | undefined {
  return g.__daylightJobs;
}

/**
 * Starts the workers once per process, schedules the regular publication and queues a first flag
 * recompute and publication (setup no longer waits for them, so the server serves at once).
 */
export function startJobs(log: (line: string) => void = console.log): Promise<JobQueue> {
  g.__daylightJobs ??= (async () => {
    const h = await dbHandle();
    const e = env();
    const url = h.kind === "postgres" ? e.DATABASE_URL : undefined;
    // On a Postgres server the flag recompute runs in a process of its own (./child-flags.ts).
    const specs = url ? { ...jobSpecs, flags: flagsInChildProcess(url) } : jobSpecs;
    const queue = await createJobQueue({ db: h.db, url, specs, log });
    await queue.schedule("publish", e.DAYLIGHT_PUBLISH_EVERY_MINUTES, { trigger: "schedule" });
    // A signed audit checkpoint at least hourly, whatever the publication interval.
    await queue.schedule("audit-checkpoint", 60, { trigger: "schedule" });
    // Flags and a publication only when the latest publication is stale: whatever published it
    // (setup, an import, `daylight publish`) recomputed the flags too, and on the embedded database
    // a recompute at start would hold the one connection the first page needs (14 s at scale 10).
    const last = await getLatestRun({ db: h.db });
    if (publishOnStart(last?.finishedAt ?? null, new Date(), e.DAYLIGHT_PUBLISH_EVERY_MINUTES)) {
      await queue.enqueue("flags", { trigger: "start" });
      await queue.enqueue("publish", { trigger: "start" });
    } else {
      log(`Publication ${last?.id} is recent: flags and the next publication run on the schedule or after a change.`);
      // A database just migrated to the review queue's summary table has flags but no queue yet.
      if (await reviewQueueMissing(h.db)) await queue.enqueue("flags", { trigger: "start" });
    }
    log(
      `Background jobs: ${queue.kind === "pg-boss" ? "pg-boss on the Postgres server" : "in this process (embedded database)"}; ` +
        `publication every ${e.DAYLIGHT_PUBLISH_EVERY_MINUTES} min and after changes.`,
    );
    return queue;
  })().catch((err: unknown) => {
    g.__daylightJobs = undefined;
    throw err;
  });
  return g.__daylightJobs;
}

/**
 * Queues a job after the debounce delay. Null when this process runs no workers (CLI, tests): the
 * caller's change is still published by the next scheduled run.
 */
export async function enqueue(name: JobName, data: JobData = {}): Promise<string | null> {
  const q = runningQueue();
  if (!q) return null;
  return (await q).enqueue(name, data, { delaySeconds: env().DAYLIGHT_JOBS_DEBOUNCE_SECONDS });
}

/**
 * A change the public pages show was saved: publish within a minute. Never throws, so that a queue
 * problem cannot undo or fail the staff member's save (the hourly run catches up).
 */
export async function publishSoon(trigger: string): Promise<void> {
  try {
    await enqueue("publish", { trigger });
  } catch (e) {
    console.error(`Could not queue a publication after ${trigger}: ${(e as Error).message}`);
  }
}

/** After an import: recompute the review flags and publish, in the background. */
export async function afterImportSoon(trigger = "import"): Promise<boolean> {
  if (!runningQueue()) return false;
  try {
    await enqueue("flags", { trigger });
    await enqueue("publish", { trigger });
    return true;
  } catch (e) {
    console.error(`Could not queue flags and publication after an import: ${(e as Error).message}`);
    return false;
  }
}
