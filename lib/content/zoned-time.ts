// Staff type times in the city's clock ("2026-03-01T09:00" in America/Los_Angeles); the database
// stores instants. These convert between the two without a date library.
import { dateTimeFormat } from "../format/intl";

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
    .formatToParts(instant)
    .reduce<Record<string, number>>((acc, p) => (p.type !== "literal" ? { ...acc, [p.type]: Number(p.value) } : acc), {});
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** "YYYY-MM-DDTHH:mm" wall time in timeZone → the instant. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset across a DST change.
  let t = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  t = guess - offsetMinutes(new Date(t), timeZone) * 60000;
  return new Date(t);
}

/** The instant as "YYYY-MM-DDTHH:mm" wall time in timeZone (for datetime-local inputs). */
export function utcToZonedInput(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** "YYYY-MM-DD" of the instant in timeZone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return utcToZonedInput(instant, timeZone).slice(0, 10);
}

export function formatInstant(instant: Date, timeZone: string): string {
  return dateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(instant);
}
