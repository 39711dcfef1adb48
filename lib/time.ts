// Wall-clock time in a named time zone (the city's) ↔ instants, the local calendar buckets the
// published tables use, and dates and times as residents read them. Intl supplies the zone rules;
// the SQL side does the same with Postgres `at time zone`.
import { dateTimeFormat } from "./format/intl";

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// Offsets only change at UTC instants on a 15-minute grid, so one Intl call per zone and 15-minute
// bucket is enough: an import or a publication asks for the offset of hundreds of thousands of rows.
const BUCKET = 15 * 60_000;
/** Per time zone: bucket number → offset in milliseconds. */
const offsetCache = new Map<string, Map<number, number>>();

/** Offset of the zone from UTC at an instant, in ms (-8 h for Los Angeles in winter). */
function offsetAt(timeZone: string, ms: number): number {
  const bucket = Math.floor(ms / BUCKET);
  let offsets = offsetCache.get(timeZone);
  if (!offsets) offsetCache.set(timeZone, (offsets = new Map<number, number>()));
  let off = offsets.get(bucket);
  if (off === undefined) {
    const start = bucket * BUCKET;
    const p: Record<string, number> = {};
    const fmt = dateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    for (const x of fmt.formatToParts(new Date(start))) if (x.type !== "literal") p[x.type] = Number(x.value);
    off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(bucket, off);
  }
  return off;
}

/** The wall-clock reading of an instant in a time zone. */
export function zonedParts(d: Date, timeZone: string): ZonedParts {
  const t = d.getTime();
  const l = new Date(t + offsetAt(timeZone, t));
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    second: l.getUTCSeconds(),
  };
}

/**
 * The instant (ms) at which clocks in `timeZone` show the given wall time. A time the fall-back
 * hour repeats is its first occurrence; a time in the spring-forward gap (02:30) is read with the
 * summer offset, so it lands an hour early (01:30 standard time).
 */
export function wallTimeToInstant(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  ms = 0,
): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // The offset at the guess can differ from the offset at the answer near a change: two passes settle it.
  return guess - offsetAt(timeZone, guess - offsetAt(timeZone, guess));
}

/** The instant at which the wall clock in `timeZone` reads the given parts. */
export function fromZoned(p: Omit<ZonedParts, "second" | "minute"> & { minute?: number }, timeZone: string): Date {
  return new Date(wallTimeToInstant(timeZone, p.year, p.month, p.day, p.hour, p.minute ?? 0));
}

/** Local midnight at the start of a "YYYY-MM-DD" day. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  return fromZoned({ year: +day.slice(0, 4), month: +day.slice(5, 7), day: +day.slice(8, 10), hour: 0 }, timeZone);
}

/** "YYYY-MM-DDTHH:mm" wall time (a datetime-local input) → the instant. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  return fromZoned({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, timeZone);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as "YYYY-MM-DDTHH:mm" wall time (for datetime-local inputs). */
export function utcToZonedInput(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${dateOf(p)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Rounds down to the start of the local hour. */
export function roundToHour(d: Date, timeZone: string, parts: ZonedParts = zonedParts(d, timeZone)): Date {
  // The instant minus the minutes and seconds the local clock shows past the hour, confirmed by
  // reading the clock there; otherwise (an offset change inside the hour) the long way round.
  const t = d.getTime();
  const fast = t - (parts.minute * 60_000 + parts.second * 1000 + (((t % 1000) + 1000) % 1000));
  const q = zonedParts(new Date(fast), timeZone);
  if (q.minute === 0 && q.second === 0 && q.hour === parts.hour) return new Date(fast);
  let r = fromZoned({ ...parts, minute: 0 }, timeZone).getTime();
  // In a repeated (fall-back) hour, fromZoned may pick the other occurrence: land within the hour.
  while (r > t) r -= 3600_000;
  while (t - r >= 3600_000) r += 3600_000;
  return new Date(r);
}

/** Rounds down to the start of the local day. */
export function roundToDay(d: Date, timeZone: string): Date {
  const p = zonedParts(d, timeZone);
  return fromZoned({ year: p.year, month: p.month, day: p.day, hour: 0 }, timeZone);
}

/** The zone's offset from UTC at an instant, in minutes (-480 for Los Angeles in winter). */
export function utcOffsetMinutes(d: Date, timeZone: string): number {
  return Math.round(offsetAt(timeZone, d.getTime()) / 60_000);
}

/** `2026-03-10T12:05:00-07:00`: the wall-clock time in the zone with its UTC offset. */
export function zonedIso(d: Date, timeZone: string): string {
  const p = zonedParts(d, timeZone);
  const off = utcOffsetMinutes(d, timeZone);
  const abs = Math.abs(off);
  const offset = `${off < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${String(p.year).padStart(4, "0")}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

/** The local calendar date, "YYYY-MM-DD". */
export function localDate(d: Date, timeZone: string): string {
  return dateOf(zonedParts(d, timeZone));
}

function dateOf(p: ZonedParts): string {
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local hour of day, 0..23. */
export function localHour(d: Date, timeZone: string): number {
  return zonedParts(d, timeZone).hour;
}

/** Minutes since local midnight, 0..1439 (the anomaly rules read it for every record). */
export function localMinutes(d: Date, timeZone: string): number {
  const p = zonedParts(d, timeZone);
  return p.hour * 60 + p.minute;
}

/** Monday of the local week containing d, "YYYY-MM-DD". */
export function localWeekStart(d: Date, timeZone: string): string {
  const p = zonedParts(d, timeZone);
  // Kept per date: publishing reads the week of hundreds of thousands of events on a few hundred days.
  const key = p.year * 10000 + p.month * 100 + p.day;
  let week = weekCache.get(key);
  if (week === undefined) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day));
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    week = day.toISOString().slice(0, 10);
    if (weekCache.size > 100_000) weekCache.clear();
    weekCache.set(key, week);
  }
  return week;
}
const weekCache = new Map<number, string>();

/** "Mar 1, 2026, 9:00 AM" in the zone. */
export function formatInstant(instant: Date, timeZone: string, locale: "en" | "es" = "en"): string {
  const tag = locale === "es" ? "es-US" : "en-US";
  return dateTimeFormat(tag, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(instant);
}

/** "9:00 AM" in the zone. */
export function formatClockTime(instant: Date, timeZone: string): string {
  return dateTimeFormat("en-US", { timeZone, timeStyle: "short" }).format(instant);
}
