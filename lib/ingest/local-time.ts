// Wall-clock times in a named time zone → instants, without a date library.
// Vendor exports write "1/14/2025 11:01:00" meaning the agency's local time; the offset comes from
// Intl and is cached per hour so a million rows cost a million Map lookups, not Intl calls.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in ms (e.g. -8h for Los Angeles in winter). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const hour = Math.floor(instantMs / 3_600_000);
  const key = `${timeZone}|${hour}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(hour * 3_600_000))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = asUtc - hour * 3_600_000;
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The instant at which clocks in `timeZone` show the given wall time (DST gaps resolve forward). */
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
  const first = guess - zoneOffsetMs(timeZone, guess);
  const second = guess - zoneOffsetMs(timeZone, first);
  return second;
}
