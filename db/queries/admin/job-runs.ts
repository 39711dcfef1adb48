import "server-only";
// Background job attempts (server/jobs) for the admin page: one row per attempt.
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobRuns } from "@/db/schema";
import type { JobRunStatus } from "@/lib/vocab";

export type JobRun = typeof jobRuns.$inferSelect;
export type NewJobRun = Pick<
  typeof jobRuns.$inferInsert,
  "job" | "jobId" | "attempt" | "maxAttempts" | "data" | "worker"
>;

export async function insertJobRun(db: DbOrTx, row: NewJobRun): Promise<number> {
  const [r] = await db.insert(jobRuns).values(row).returning({ id: jobRuns.id });
  return r.id;
}

export async function finishJobRun(
  db: DbOrTx,
  id: number,
  o: { status: Exclude<JobRunStatus, "running">; result?: string; error?: string },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status: o.status, result: o.result ?? null, error: o.error ?? null, finishedAt: new Date() })
    .where(eq(jobRuns.id, id));
}

/** The latest attempts, newest first. */
export async function recentJobRuns(db: DbOrTx, o: { limit?: number; job?: string } = {}): Promise<JobRun[]> {
  return db
    .select()
    .from(jobRuns)
    .where(o.job ? eq(jobRuns.job, o.job) : undefined)
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(o.limit ?? 50);
}
