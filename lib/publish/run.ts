// One publication run: every publisher writes its published tables inside ONE transaction,
// so readers see either the old publication or the new one, and a failure leaves the old one serving.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { publicationRuns } from "../../db/schema";
import { ShadowTables } from "../../db/shadow";
import { RULES_VERSION, rules } from "./rules";
import { publishers } from "./publishers";
import type { PublisherResult } from "./types";

/** Arbitrary constant naming the publication lock (pg advisory locks are keyed by bigint). */
const PUBLISH_LOCK_KEY = 4711000002;

export type PublishOptions = {
  asOf?: Date; trigger?: string; pseudonymKey: string; timeZone: string;
  /** Run only these publishers (by name); the others' published tables are left as they are. */
  only?: string[];
};
export type PublishSummary = PublisherResult & { runId: number; asOf: Date; ms: number; publisherMs: Record<string, number> };

export async function runPublish(db: Db, opts: PublishOptions): Promise<PublishSummary> {
  const asOf = opts.asOf ?? new Date();
  const started = Date.now();
  const [run] = await db
    .insert(publicationRuns)
    .values({ asOf, rulesVersion: RULES_VERSION, status: "running", trigger: opts.trigger ?? "cli" })
    .returning({ id: publicationRuns.id });
  const total: PublisherResult = { sourceCounts: {}, publishedCounts: {}, cellsSuppressed: 0 };
  const publisherMs: Record<string, number> = {};
  try {
    await db.transaction(async (tx) => {
      // One publication at a time: a second run waits here, then rebuilds from the newer raw data.
      await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK_KEY})`);
      // No JIT: the planner's estimates for these one-off statements over millions of rows
      // trigger inlining and optimization that cost seconds per statement and save less.
      await tx.execute(sql`select set_config('jit', 'off', true)`);
      // Room for the hash joins and aggregates over a whole record without spilling to disk.
      await tx.execute(sql`select set_config('work_mem', '64MB', true)`);
      const shadow = new ShadowTables(tx);
      for (const p of publishers.filter((x) => !opts.only || opts.only.includes(x.name))) {
        const t0 = Date.now();
        const r = await p.run({ tx, runId: run.id, asOf, rules, pseudonymKey: opts.pseudonymKey, timeZone: opts.timeZone, shadow });
        Object.assign(total.sourceCounts, r.sourceCounts);
        Object.assign(total.publishedCounts, r.publishedCounts);
        total.cellsSuppressed += r.cellsSuppressed;
        publisherMs[p.name] = Date.now() - t0;
      }
      const t0 = Date.now();
      await shadow.swap();
      publisherMs.swap = Date.now() - t0;
      await tx
        .update(publicationRuns)
        .set({ status: "succeeded", finishedAt: new Date(), ...total })
        .where(eq(publicationRuns.id, run.id));
    });
  } catch (e) {
    await db
      .update(publicationRuns)
      .set({ status: "failed", finishedAt: new Date(), error: (e as Error).message.slice(0, 2000) })
      .where(eq(publicationRuns.id, run.id));
    throw e;
  }
  return { ...total, runId: run.id, asOf, ms: Date.now() - started, publisherMs };
}
