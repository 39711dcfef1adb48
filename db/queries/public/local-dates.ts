import "server-only";
// Date filters of the published logs: their rows carry a local calendar date and the instant it
// was rounded from (hour, started_at; rounding never crosses local midnight), so a range of local
// dates is a range of instants from the first day's local midnight to the midnight after the last.
// Filtering on the instant alone lets the indexes, which lead with it, answer counts on their own
// (index-only scans once the publication has vacuumed the table), with no visit to the rows.
import { and, gte, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { city } from "@/lib/config/city";

/** The instant a local calendar day ("YYYY-MM-DD") starts in the city's time zone. */
const dayStart = (day: SQL) => sql`((${day})::timestamp at time zone ${city().timeZone})`;

/** Rows whose local date lies in from..to (inclusive; either may be absent). */
export function localDateRange(instant: AnyColumn, from?: string, to?: string): SQL | undefined {
  return and(
    from ? gte(instant, dayStart(sql`${from}::date`)) : undefined,
    to ? lt(instant, dayStart(sql`${to}::date + 1`)) : undefined,
  );
}
