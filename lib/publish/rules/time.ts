// Public timestamps: rounded down to the hour (sensitive: the day) in the city's time zone,
// and published only after each dataset's delay.
const fmtCache = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string): Intl.DateTimeFormat {
  let f = fmtCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    fmtCache.set(timeZone, f);
  }
  return f;
}

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function intlParts(d: Date, timeZone: string): ZonedParts {
  const p = Object.fromEntries(
    fmt(timeZone)
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

// Offsets only change at UTC instants on a 15-minute grid, so one Intl call per zone and
// 15-minute bucket is enough (publishing 300,000 flights would otherwise spend seconds in Intl).
const BUCKET = 15 * 60_000;
/** Per time zone: bucket number → offset in milliseconds. */
const offsetCache = new Map<string, Map<number, number>>();

/** The wall-clock reading of an instant in a time zone. */
export function zonedParts(d: Date, timeZone: string): ZonedParts {
  const t = d.getTime();
  const bucket = Math.floor(t / BUCKET);
  let offsets = offsetCache.get(timeZone);
  if (!offsets) offsetCache.set(timeZone, (offsets = new Map<number, number>()));
  let off = offsets.get(bucket);
  if (off === undefined) {
    const start = new Date(bucket * BUCKET);
    const p = intlParts(start, timeZone);
    off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start.getTime();
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(bucket, off);
  }
  const l = new Date(t + off);
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    second: l.getUTCSeconds(),
  };
}

function offsetMs(d: Date, timeZone: string): number {
  const p = zonedParts(d, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(d.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` reads the given parts. */
export function fromZoned(p: Omit<ZonedParts, "second" | "minute"> & { minute?: number }, timeZone: string): Date {
  const guess = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute ?? 0, 0);
  let t = guess - offsetMs(new Date(guess), timeZone);
  // Near a DST change the offset at the guess can differ from the offset at the answer.
  const o2 = offsetMs(new Date(t), timeZone);
  t = guess - o2;
  return new Date(t);
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

/** The local calendar date, "YYYY-MM-DD". */
export function localDate(d: Date, timeZone: string): string {
  return dateOf(zonedParts(d, timeZone));
}

/** The calendar date of a local clock reading, "YYYY-MM-DD". */
export function dateOf(p: ZonedParts): string {
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The local hour of day, 0..23. */
export function localHour(d: Date, timeZone: string): number {
  return zonedParts(d, timeZone).hour;
}

/** Monday of the local week containing d, "YYYY-MM-DD". */
export function localWeekStart(d: Date, timeZone: string): string {
  return weekOf(zonedParts(d, timeZone));
}

/** Monday of the week of a local clock reading, "YYYY-MM-DD". */
export function weekOf(p: Pick<ZonedParts, "year" | "month" | "day">): string {
  // Kept per date: publishing reads the week of hundreds of thousands of events on a few hundred days.
  const key = p.year * 10000 + p.month * 100 + p.day;
  let week = weekCache.get(key);
  if (week === undefined) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day));
    const dow = (day.getUTCDay() + 6) % 7;
    day.setUTCDate(day.getUTCDate() - dow);
    week = day.toISOString().slice(0, 10);
    if (weekCache.size > 100_000) weekCache.clear();
    weekCache.set(key, week);
  }
  return week;
}
const weekCache = new Map<number, string>();

/** Events that ended at or before this instant may be published. */
export function publicationCutoff(asOf: Date, delayHours: number): Date {
  return new Date(asOf.getTime() - delayHours * 3600_000);
}

export function isPublishable(endedAt: Date, asOf: Date, delayHours: number): boolean {
  return endedAt.getTime() <= publicationCutoff(asOf, delayHours).getTime();
}

/** The public time of an event: its hour, or its day for sensitive categories. */
export function publicTime(
  d: Date,
  timeZone: string,
  sensitive: boolean,
  parts?: ZonedParts,
): { at: Date; precision: "hour" | "day" } {
  return sensitive
    ? { at: roundToDay(d, timeZone), precision: "day" }
    : { at: roundToHour(d, timeZone, parts), precision: "hour" };
}
