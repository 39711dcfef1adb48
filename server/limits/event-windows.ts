import "server-only";
// Counting a repeated event per key in fixed windows, to audit floods at a bounded rate.

/**
 * Aggregates a repeated event per key into fixed windows on the caller's clock: the first
 * `perWindow` hits of a window are to be written (the first with the previous window's count
 * when it had more than that), later hits are only counted. In memory: each process writes at
 * most `perWindow` rows per key and window. Bounded: the oldest keys are dropped past `maxKeys`.
 */
export class EventWindows {
  private readonly entries = new Map<string, { start: number; count: number }>();
  constructor(
    readonly windowMs: number,
    readonly perWindow = 1,
    private readonly maxKeys = 100_000,
  ) {}

  /** `write`: log this hit; `previous`: the closed window's start and count when some of it was not written. */
  hit(key: string, now: Date): { write: boolean; previous: { from: Date; count: number } | null } {
    const t = now.getTime();
    const start = t - (t % this.windowMs);
    const e = this.entries.get(key);
    if (e && e.start === start) {
      e.count++;
      return { write: e.count <= this.perWindow, previous: null };
    }
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { start, count: 1 });
    const previous = e && e.count > this.perWindow ? { from: new Date(e.start), count: e.count } : null;
    return { write: true, previous };
  }
}
