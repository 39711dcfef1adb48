// Published Community Safety Officer calls: the only CSO call data public code may read (rollups: published-rollups.ts).
// Written by server/publish/cso.ts inside the publication transaction, under lib/publish/rules.ts.
import { boolean, date, index, pgTable, real, smallint, text, timestamp } from "drizzle-orm/pg-core";

/** One row per published CSO call. No names, call numbers, narratives or exact points. */
export const pubCsoCalls = pgTable(
  "pub_cso_calls",
  {
    /** Stable across publications (keyed hash of source + external id). */
    publicId: text("public_id").primaryKey(),
    /** Time received, rounded down to the hour (sensitive: the day) in the city's time zone. */
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    timePrecision: text("time_precision").$type<"hour" | "day">().notNull(),
    localDate: date("local_date").notNull(),
    weekStart: date("week_start").notNull(),
    /** Null for sensitive calls (day only). */
    localHour: smallint("local_hour"),
    category: text("category").notNull(),
    categoryLabel: text("category_label").notNull(),
    sensitive: boolean("sensitive").notNull(),
    callSource: text("call_source").notNull(),
    /** Neighborhood; null for sensitive calls. */
    areaSlug: text("area_slug"),
    areaName: text("area_name"),
    /** H3 cell: res 8, res 7 when sparse or sensitive, null when even res 7 is too sparse. */
    h3Cell: text("h3_cell"),
    h3Res: smallint("h3_res"),
    /** Minutes from received to on scene / to cleared (one decimal); null for sensitive calls. */
    responseMin: real("response_min"),
    clearMin: real("clear_min"),
    /** Controlled vocabularies; null for sensitive calls. */
    outcome: text("outcome"),
    referrals: text("referrals").array(),
    reportWritten: boolean("report_written").notNull(),
    fingerprintsCollected: boolean("fingerprints_collected").notNull(),
    dnaCollected: boolean("dna_collected").notNull(),
    swornBackupRequested: boolean("sworn_backup_requested").notNull(),
  },
  (t) => [
    index("pub_cso_calls_received").on(t.receivedAt),
    index("pub_cso_calls_category_received").on(t.category, t.receivedAt),
  ],
);
