import "server-only";
// Runs one attempt of a job and records it in job_runs, whichever queue called it.
import os from "node:os";
import type { Db } from "@/db/client";
import { finishJobRun, insertJobRun } from "@/db/queries/admin/job-runs";
import type { JobData, JobSpec } from "./types";

export const WORKER = `${os.hostname()}:${process.pid}`;

export type Attempt = { name: string; jobId: string; attempt: number; maxAttempts: number; data: JobData };

/** Throws the job's error after recording it, so that the queue retries or fails the job. */
export async function runRecorded(
  db: Db,
  spec: JobSpec,
  a: Attempt,
  progress: (line: string) => void = () => {},
  worker = WORKER,
): Promise<string> {
  const id = await insertJobRun(db, {
    job: a.name,
    jobId: a.jobId,
    attempt: a.attempt,
    maxAttempts: a.maxAttempts,
    data: a.data,
    worker,
  });
  try {
    const result = await spec.run(db, a.data, progress);
    await finishJobRun(db, id, { status: "succeeded", result });
    return result;
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await finishJobRun(db, id, { status: a.attempt < a.maxAttempts ? "retrying" : "failed", error }).catch(() => {});
    throw e;
  }
}
