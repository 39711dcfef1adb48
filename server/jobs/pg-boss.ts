import "server-only";
// The Postgres server's queue: pg-boss, in its own schema of the same database. Every portal
// instance runs workers; a "stately" queue holds at most one waiting and one running job per name
// across all of them, so two instances never publish at once and a burst of changes publishes once.
import { PgBoss, type JobWithMetadata } from "pg-boss";
import type { Db } from "@/db/client";
import { runRecorded } from "./record";
import { cronEvery, type JobData, type JobQueue, type Specs } from "./types";

export type PgBossOptions = {
  db: Db;
  url: string;
  specs: Specs;
  /** Run workers here (false: only send, e.g. a CLI). */
  work?: boolean;
  pollingIntervalSeconds?: number;
  worker?: string;
  log?: (line: string) => void;
};

export class PgBossQueue implements JobQueue {
  readonly kind = "pg-boss" as const;
  private constructor(
    private readonly boss: PgBoss,
    private readonly o: PgBossOptions,
  ) {}

  static async start(o: PgBossOptions): Promise<PgBossQueue> {
    const boss = new PgBoss({ connectionString: o.url, max: 3, schema: "pgboss" });
    boss.on("error", (e: Error) => o.log?.(`Job queue error: ${e.message}`));
    await boss.start();
    const q = new PgBossQueue(boss, o);
    for (const [name, spec] of Object.entries(o.specs)) {
      const options = {
        retryLimit: spec.retryLimit,
        retryDelay: spec.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: spec.expireInSeconds,
      };
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else
        await boss.createQueue(name, { policy: "stately", ...options }).catch(async (e: Error) => {
          // Another instance created it at the same moment.
          if (!(await boss.getQueue(name))) throw e;
        });
      if (o.work !== false)
        await boss.work(
          name,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 },
          async (jobs: JobWithMetadata<JobData>[]) => {
            for (const job of jobs)
              await runRecorded(
                o.db,
                spec,
                {
                  name,
                  jobId: job.id,
                  attempt: job.retryCount + 1,
                  maxAttempts: job.retryLimit + 1,
                  data: job.data ?? {},
                },
                undefined,
                o.worker,
              );
          },
        );
    }
    return q;
  }

  async enqueue(name: string, data: JobData = {}, opts: { delaySeconds?: number } = {}): Promise<string | null> {
    if (!this.o.specs[name]) throw new Error(`No job named ${name}`);
    return this.boss.send(name, data, opts.delaySeconds ? { startAfter: opts.delaySeconds } : {});
  }

  async schedule(name: string, everyMinutes: number, data: JobData = {}): Promise<void> {
    // One schedule row per name: every instance writes the same one, and pg-boss's clock sends each
    // occurrence once.
    await this.boss.schedule(name, cronEvery(everyMinutes), data, { tz: "UTC" });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 30_000 });
  }
}
