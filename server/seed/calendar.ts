import "server-only";
// The fixed pilot calendar: every generated time is anchored to city().pilot, never to "now",
// so the same seed gives the same rows on any day.
import { utcOffsetMinutes } from "../../lib/time";

export type SeedDay = {
  /** Local calendar date, YYYY-MM-DD. */
  iso: string;
  /** 0 = Sunday. */
  weekday: number;
  /** UTC milliseconds of local midnight. */
  midnightUtc: number;
  /** Minutes to add to local time to get UTC (e.g. 420 in PDT). */
  offsetMin: number;
};

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Local days from `start` (inclusive) for `count` days. */
export function daysFrom(start: string, count: number, timeZone: string): SeedDay[] {
  const out: SeedDay[] = [];
  for (let i = 0; i < count; i++) {
    const iso = addDays(start, i);
    const noonUtc = Date.parse(`${iso}T12:00:00Z`);
    const offsetMin = -utcOffsetMinutes(new Date(noonUtc), timeZone);
    out.push({
      iso,
      weekday: new Date(noonUtc).getUTCDay(),
      midnightUtc: Date.parse(`${iso}T00:00:00Z`) + offsetMin * 60000,
      offsetMin,
    });
  }
  return out;
}

/** Days in the year starting at `start` (365 or 366). */
export function yearLength(start: string): number {
  const end = addDays(start, 0).replace(/^(\d{4})/, (y) => String(Number(y) + 1));
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86400000);
}

export type Calendar = { pilot: SeedDay[]; baseline: SeedDay[]; pilotStart: string; pilotEnd: string };

export function seedCalendar(p: { start: string; baselineStart: string }, timeZone: string): Calendar {
  const pilot = daysFrom(p.start, yearLength(p.start), timeZone);
  const baselineLen = Math.round(
    (Date.parse(`${p.start}T00:00:00Z`) - Date.parse(`${p.baselineStart}T00:00:00Z`)) / 86400000,
  );
  return {
    pilot,
    baseline: daysFrom(p.baselineStart, baselineLen, timeZone),
    pilotStart: p.start,
    pilotEnd: pilot[pilot.length - 1].iso,
  };
}

/** Local hour-of-day weights for calls for service (quiet before dawn, busy late afternoon). */
export const CALL_HOUR_WEIGHTS = [
  2.2, 1.8, 1.5, 1.1, 0.9, 0.9, 1.3, 2.0, 2.8, 3.3, 3.6, 3.9, 4.2, 4.3, 4.5, 4.9, 5.2, 5.3, 5.1, 4.8, 4.4, 3.9, 3.3,
  2.7,
] as const;
/** Camera viewing follows the watch-center shifts: busy by day, a thin overnight shift. */
export const ACCESS_HOUR_WEIGHTS = [
  0.7, 0.5, 0.4, 0.3, 0.3, 0.5, 1.2, 2.6, 3.8, 4.4, 4.6, 4.5, 4.0, 4.3, 4.5, 4.4, 4.1, 3.6, 3.0, 2.6, 2.1, 1.7, 1.3,
  1.0,
] as const;

/** A random minute of the day following the hour weights. */
export function minuteOfDay(
  rng: { weighted<T>(items: readonly (readonly [T, number])[]): T; int(a: number, b: number): number },
  weights: readonly number[],
): number {
  const hour = rng.weighted(weights.map((w, h) => [h, w] as const));
  return hour * 60 + rng.int(0, 59);
}

/** UTC ms for a local minute-of-day (plus seconds) on a seed day. */
export function at(day: SeedDay, minute: number, seconds = 0): number {
  return day.midnightUtc + minute * 60000 + seconds * 1000;
}
