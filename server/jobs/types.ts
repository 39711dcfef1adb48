import "server-only";
// The one interface both queues implement: pg-boss on a Postgres server, in-process on PGlite.
import type { Db } from "@/db/client";

export type JobData = { trigger?: string } & Record<string, unknown>;

export type JobSpec = {
  /** Retries after the first attempt; each waits retryDelaySeconds × 2^(retry − 1). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Longest an attempt may run before the queue counts it failed (pg-boss expiry). */
  expireInSeconds: number;
  /** Does the work and returns a one-line result for the admin page. */
  run(db: Db, data: JobData, progress: (line: string) => void): Promise<string>;
};

export type Specs = Record<string, JobSpec>;

/** What a caller waiting for a job (the CLI hand-off) hears. */
export type JobEvent =
  | { type: "started"; attempt: number; maxAttempts: number }
  | { type: "progress"; line: string }
  | { type: "retrying"; attempt: number; error: string; retryInSeconds: number }
  | { type: "succeeded"; attempt: number; result: string }
  | { type: "failed"; attempt: number; error: string };

export interface JobQueue {
  readonly kind: "in-process" | "pg-boss";
  /**
   * Queues a job to start after `delaySeconds`. At most one job per name waits and one runs (on
   * every instance together): while one waits, this returns the waiting job's id (in-process) or
   * null (pg-boss), since the waiting one will see the change when it runs.
   */
  enqueue(name: string, data?: JobData, o?: { delaySeconds?: number }): Promise<string | null>;
  /** Queues `name` every `everyMinutes` on the clock (UTC). */
  schedule(name: string, everyMinutes: number, data?: JobData): Promise<void>;
  /** Calls `listener` with the job's events until it succeeds or finally fails (in-process only). */
  watch?(jobId: string, listener: (e: JobEvent) => void): () => void;
  stop(): Promise<void>;
}

/** Delay before retry number `retry` (1-based), pg-boss's exponential backoff without its jitter. */
export function backoffSeconds(spec: Pick<JobSpec, "retryDelaySeconds">, retry: number): number {
  return spec.retryDelaySeconds * 2 ** (retry - 1);
}

/** The cron expression for "every N minutes on the clock"; N from lib/env PUBLISH_EVERY_MINUTES. */
export function cronEvery(minutes: number): string {
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = minutes / 60;
  return hours === 1 ? "0 * * * *" : hours === 24 ? "0 0 * * *" : `0 */${hours} * * *`;
}
