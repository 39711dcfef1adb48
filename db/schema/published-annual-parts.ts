// Per-local-date partial counts behind the annual reports (server/publish/annual-counts.ts): what
// each program's report counts of its raw records, by local date, so that a year's figures are a
// sum of its dates and an incremental publication recounts only the changed dates. Not public: the
// counts are unsuppressed (lib/reports/annual.ts suppresses the yearly sums). Nothing reads this
// table but the annual-report publisher; it is in no reader, route or open-data entry.
import { boolean, date, index, integer, pgTable, text } from "drizzle-orm/pg-core";

export const publishPartAnnualCounts = pgTable(
  "publish_part_annual_counts",
  {
    /** The raw records counted: drones, cameras, alpr or cso. */
    source: text("source").notNull(),
    localDate: date("local_date").notNull(),
    /** uses (by purpose), areas (by area id) or shared (by agency). */
    part: text("part").notNull(),
    /** The purpose, area id or agency; null for uses of no known purpose. */
    key: text("key"),
    label: text("label"),
    /** By a watch-center operator (camera accesses; false elsewhere). */
    wc: boolean("wc").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [index("publish_part_annual_counts_date").on(t.localDate)],
);
