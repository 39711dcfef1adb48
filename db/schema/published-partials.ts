// Per-local-date partial counts of a published log, from which its rollups are summed
// (server/publish/grouping-sets.ts): an incremental publication rewrites only the changed dates'
// counts, so summing a period reads a few hundred rows a date instead of the whole log. One table
// per log, so that a full publication rebuilds it beside the served one and swaps it in with the log.
// Not public: the counts are unsuppressed (suppression applies to the sums). Nothing reads these
// tables but the publisher; they are in no reader, route or open-data entry.
import { date, index, integer, pgTable, text } from "drizzle-orm/pg-core";

function partialCounts(name: string) {
  return pgTable(
    name,
    {
      /** The grouping these counts are for: its key names joined by commas (e.g. "week,operation"). */
      scan: text("scan").notNull(),
      localDate: date("local_date").notNull(),
      /** The grouping's key values, in the order of its names (null where the record has none). */
      keys: text("keys").array().notNull(),
      n: integer("n").notNull(),
    },
    (t) => [index(`${name}_date`).on(t.localDate)],
  );
}

export const publishPartCameraAccesses = partialCounts("publish_part_camera_accesses");
export const publishPartAlprSearches = partialCounts("publish_part_alpr_searches");
