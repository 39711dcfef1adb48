import "server-only";
// The embedded database's queue: PGlite is one process with one connection, so jobs run here, one
// at a time, with pg-boss's rules: per name at most one job waits and one runs, a failed attempt
// is retried after retryDelay × 2^(retry − 1) seconds, and every attempt is recorded in job_runs.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { runRecorded } from "./record";
import { backoffSeconds, type JobData, type JobEvent, type JobQueue, type Specs } from "./types";

type Pending = { id: string; name: string; data: JobData; runAt: number; attempt: number };

export type InProcessOptions = {
  db: Db;
  specs: Specs;
  /** Milliseconds per second of delay: tests shrink the backoff with a smaller unit. */
  msPerSecond?: number;
  worker?: string;
  log?: (line: string) => void;
};

export class InProcessQueue implements JobQueue {
  readonly kind = "in-process" as const;
  private pending = new Map<string, Pending>();
  private active: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private intervals: NodeJS.Timeout[] = [];
  private listeners = new Map<string, Set<(e: JobEvent) => void>>();
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  private readonly unit: number;

  constructor(private readonly o: InProcessOptions) {
    this.unit = o.msPerSecond ?? 1000;
  }

  enqueue(name: string, data: JobData = {}, opts: { delaySeconds?: number } = {}): Promise<string | null> {
    if (!this.o.specs[name]) return Promise.reject(new Error(`No job named ${name}`));
    const waiting = this.pending.get(name);
    if (waiting) return Promise.resolve(waiting.id);
    const job = { id: randomUUID(), name, data, runAt: Date.now() + (opts.delaySeconds ?? 0) * this.unit, attempt: 1 };
    this.pending.set(name, job);
    this.wake();
    return Promise.resolve(job.id);
  }

  schedule(name: string, everyMinutes: number, data: JobData = {}): Promise<void> {
    const period = everyMinutes * 60 * this.unit;
    // First at the next multiple of the period on the clock, then every period.
    const first = setTimeout(
      () => {
        void this.enqueue(name, data);
        const every = setInterval(() => void this.enqueue(name, data), period);
        every.unref();
        this.intervals.push(every);
      },
      period - (Date.now() % period),
    );
    first.unref();
    this.intervals.push(first);
    return Promise.resolve();
  }

  watch(jobId: string, listener: (e: JobEvent) => void): () => void {
    let set = this.listeners.get(jobId);
    if (!set) this.listeners.set(jobId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Resolves when nothing waits or runs (tests). */
  whenIdle(): Promise<void> {
    if (!this.active && this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const t of this.intervals) clearTimeout(t);
    this.pending.clear();
    if (this.active) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private emit(jobId: string, e: JobEvent): void {
    for (const l of this.listeners.get(jobId) ?? []) l(e);
    if (e.type === "succeeded" || e.type === "failed") this.listeners.delete(jobId);
  }

  private wake(): void {
    clearTimeout(this.timer);
    if (this.active) return;
    const next = this.stopped ? undefined : [...this.pending.values()].sort((a, b) => a.runAt - b.runAt)[0];
    if (!next) {
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    this.timer = setTimeout(() => void this.run(next), Math.max(0, next.runAt - Date.now()));
    // Only waiting work that someone else keeps alive (the server) should hold the process open.
    this.timer.unref();
  }

  private async run(job: Pending): Promise<void> {
    if (this.stopped || this.active) return;
    this.pending.delete(job.name);
    this.active = job;
    const spec = this.o.specs[job.name];
    const maxAttempts = spec.retryLimit + 1;
    this.emit(job.id, { type: "started", attempt: job.attempt, maxAttempts });
    try {
      const result = await runRecorded(
        this.o.db,
        spec,
        { name: job.name, jobId: job.id, attempt: job.attempt, maxAttempts, data: job.data },
        (line) => this.emit(job.id, { type: "progress", line }),
        this.o.worker,
      );
      this.emit(job.id, { type: "succeeded", attempt: job.attempt, result });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const waiting = this.pending.get(job.name);
      if (job.attempt < maxAttempts && !waiting && !this.stopped) {
        const delay = backoffSeconds(spec, job.attempt);
        this.pending.set(job.name, { ...job, attempt: job.attempt + 1, runAt: Date.now() + delay * this.unit });
        this.emit(job.id, { type: "retrying", attempt: job.attempt, error, retryInSeconds: delay });
      } else {
        this.o.log?.(`Background job ${job.name} failed after ${job.attempt} attempt(s): ${error}`);
        this.emit(job.id, { type: "failed", attempt: job.attempt, error });
      }
    } finally {
      this.active = undefined;
      this.wake();
    }
  }
}
