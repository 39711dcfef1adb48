// Incremental publication, the pure part: which local dates of a dataset a publication rewrites.
//
// A published row depends on its own record and on the city's reference tables (areas, agencies,
// categories, cameras, docks, people), the rules and the keys. A publication that finds none of the
// latter changed since the last one rewrites only the local dates where records changed (the change
// log: server/publish/changes.ts) or crossed the publication delay; every other date's rows are
// already what a full rebuild would write. Rollups are always recomputed from the whole record.
import { localDate, startOfLocalDay } from "../time";

/** Which of a dataset's published rows a publication rewrites. */
export type Scope = { full: true; why: string } | { full: false; days: string[] };

export const FULL = (why: string): Scope => ({ full: true, why });

const DAY_MS = 86400_000;

/** "YYYY-MM-DD" plus n days (calendar arithmetic, no zone). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local dates an instant range [from, to] touches in `timeZone`, widened by `marginDays` on each
 * side, sorted. Used for the hours the change log names (an hour can span two local dates where the
 * zone's offset is not whole hours) and for the records that crossed a publication delay.
 */
export function localDatesBetween(from: Date, to: Date, timeZone: string, marginDays = 0): string[] {
  if (to < from) [from, to] = [to, from];
  const first = addDays(localDate(from, timeZone), -marginDays);
  const last = addDays(localDate(to, timeZone), marginDays);
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The union of date lists, sorted and without repeats. */
export function unionDays(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

/**
 * Instant ranges that hold every instant whose local date is one of `days` (consecutive days merged),
 * a day wider on each side so that the database's and the runtime's zone rules need not agree to
 * the hour: they only let an index find the rows; the exact test is on the local date itself.
 */
export function dayRanges(days: string[], timeZone: string): { from: Date; to: Date }[] {
  const sorted = unionDays(days);
  const out: { from: Date; to: Date }[] = [];
  for (const d of sorted) {
    const from = new Date(startOfLocalDay(d, timeZone).getTime() - DAY_MS);
    const to = new Date(startOfLocalDay(addDays(d, 1), timeZone).getTime() + DAY_MS);
    const last = out[out.length - 1];
    if (last && from <= last.to) last.to = to > last.to ? to : last.to;
    else out.push({ from, to });
  }
  return out;
}
