// Published drone flights and finding counts: the only drone data public code may read (rollups: published-rollups.ts).
// Written by server/publish/drones inside the publication transaction, under lib/publish/rules.ts.
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

export type PublishedPath = { type: "LineString"; coordinates: [number, number][] };

/** One row per published flight. No names, call numbers, free text or exact destinations. */
export const pubFlights = pgTable(
  "pub_flights",
  {
    /** Stable across publications (keyed hash of source + external id): the permalink. */
    publicId: text("public_id").primaryKey(),
    /** Launch time rounded down to the hour (sensitive: the day) in the city's time zone. */
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    timePrecision: text("time_precision").$type<"hour" | "day">().notNull(),
    localDate: date("local_date").notNull(),
    weekStart: date("week_start").notNull(),
    /** Local hour of day; null for sensitive flights (day only). */
    localHour: smallint("local_hour"),
    category: text("category").notNull(),
    categoryLabel: text("category_label").notNull(),
    sensitive: boolean("sensitive").notNull(),
    /** Neighborhood; null for sensitive flights (nothing finer than H3 res 7). */
    areaSlug: text("area_slug"),
    areaName: text("area_name"),
    /** H3 cell of the scene: res 8, res 7 for sparse cells and sensitive flights, null if suppressed. */
    h3Cell: text("h3_cell"),
    h3Res: smallint("h3_res"),
    dockSlug: text("dock_slug"),
    dockName: text("dock_name"),
    dockSite: text("dock_site"),
    durationMin: integer("duration_min").notNull(),
    /** Minutes from dispatch to on scene, one decimal; null for sensitive flights or when not recorded. */
    timeToSceneMin: real("time_to_scene_min"),
    /** Controlled vocabulary; null for sensitive flights. */
    outcome: text("outcome"),
    firstOnScene: boolean("first_on_scene"),
    linkedToCall: boolean("linked_to_call").notNull(),
    /** Truncated, simplified path, or null (sensitive flights, short hops). */
    path: jsonb("path").$type<PublishedPath>(),
  },
  (t) => [
    index("pub_flights_started").on(t.startedAt),
    index("pub_flights_category_started").on(t.category, t.startedAt),
    index("pub_flights_area_started").on(t.areaSlug, t.startedAt),
    index("pub_flights_outcome_started").on(t.outcome, t.startedAt),
    index("pub_flights_h3").on(t.h3Cell),
  ],
);

/** Open and closed review findings by type: numbers only, suppressed like every count. */
export const pubFindingCounts = pgTable(
  "pub_finding_counts",
  {
    findingType: text("finding_type").notNull(),
    status: text("status").notNull(),
    count: integer("count"),
    suppressed: boolean("suppressed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.findingType, t.status] })],
);
