// Background job attempts (server/jobs), one row per attempt, for the admin page. The queue itself
// lives in pg-boss's own schema on a Postgres server, and in memory on the embedded database.
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { JOB_RUN_STATUSES } from "../../lib/vocab";

export const jobRunStatus = pgEnum("job_run_status", JOB_RUN_STATUSES);

export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    job: text("job").notNull(),
    /** The queue's id for the job: attempts of one job share it. */
    jobId: text("job_id").notNull(),
    attempt: integer("attempt").notNull(),
    maxAttempts: integer("max_attempts").notNull(),
    status: jobRunStatus("status").notNull().default("running"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** Which process ran it (host and pid), so two instances' runs can be told apart. */
    worker: text("worker").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** A one-line result ("published run 12") or the error message. */
    result: text("result"),
    error: text("error"),
  },
  (t) => [index("job_runs_started").on(t.startedAt), index("job_runs_job").on(t.job, t.startedAt)],
);
