// Whether a starting portal publishes at once. Every change made while it was down (an import, a
// mapping, `daylight publish`) published when it was made, so only a publication older than the
// regular interval (or none at all) is stale enough to redo before the next scheduled one.
export function publishOnStart(lastFinishedAt: Date | null, now: Date, everyMinutes: number): boolean {
  if (!lastFinishedAt) return true;
  return now.getTime() - lastFinishedAt.getTime() >= everyMinutes * 60_000;
}
