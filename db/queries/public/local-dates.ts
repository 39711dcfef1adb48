import "server-only";
// Date filters of the published logs: their rows carry a local calendar date and the instant it
// was rounded from (hour, started_at), and their indexes lead with the instant. Bounding both
// gives the same rows as the dates alone, and lets the indexes serve the filter.
import { and, gte, lt, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { city } from "@/lib/config/city";

/** The instant a local calendar day ("YYYY-MM-DD") starts in the city's time zone. */
const dayStart = (day: SQL) => sql`((${day})::timestamp at time zone ${city().timeZone})`;

/** Rows whose local date lies in from..to (inclusive; either may be absent). */
export function localDateRange(localDate: AnyColumn, instant: AnyColumn, from?: string, to?: string): SQL | undefined {
  return and(
    from ? and(gte(localDate, from), gte(instant, dayStart(sql`${from}::date`))) : undefined,
    to ? and(lte(localDate, to), lt(instant, dayStart(sql`${to}::date + 1`))) : undefined,
  );
}
