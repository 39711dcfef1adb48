// Private per-local-date partial aggregates of the published drone flights, from which every drone
// rollup is summed (server/publish/drones/parts.ts): an incremental publication rewrites only the
// dates it rewrites in pub_flights, and the rollups add up the dates instead of rescanning the
// whole record. Unsuppressed counts: never read by a route, the open-data registry or the API.
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Flights per local date counted by one dimension (`dim`): "m" (the headline counts, key = the
 * metric), "category", "outcome", "hour", "duration", "area", "group" (call group).
 */
export const publishPartDronesCounts = pgTable(
  "publish_part_drones_counts",
  {
    localDate: date("local_date").notNull(),
    dim: text("dim").notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_drones_counts_pk", columns: [t.localDate, t.dim, t.key] })],
);

/** The exact times to scene (minutes, as the rollups compute them) per local date and category, with their counts. */
export const publishPartDronesTts = pgTable(
  "publish_part_drones_tts",
  {
    localDate: date("local_date").notNull(),
    category: text("category").notNull(),
    tts: doublePrecision("tts").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_drones_tts_pk", columns: [t.localDate, t.category, t.tts] })],
);

/**
 * Flight destinations per local date by their resolution-8 cell, their coarse cell and
 * sensitivity (what place generalization decides on), with one destination of the group (any of
 * them gives the same two cells) for lib/publish/rules/h3.ts to generalize.
 */
export const publishPartDronesCells = pgTable(
  "publish_part_drones_cells",
  {
    localDate: date("local_date").notNull(),
    fine: text("fine").notNull(),
    coarse: text("coarse").notNull(),
    sensitive: boolean("sensitive").notNull(),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_drones_cells_pk", columns: [t.localDate, t.fine, t.coarse, t.sensitive] })],
);

/**
 * The drones' pre-pilot baseline rollups as last computed from baseline_responses (JSON), under
 * `key` (the zone and the call categories): an incremental publication reuses them while no change
 * to the drone rows of baseline_responses is logged (publish_drones_baseline_changes).
 */
export const publishPartDronesBaseline = pgTable("publish_part_drones_baseline", {
  key: text("key").primaryKey(),
  baseline: text("baseline").notNull(),
});

/**
 * One row per statement that changed drone rows of baseline_responses (a trigger, migration),
 * removed by the publication that recomputed the baseline after seeing it.
 */
export const publishDronesBaselineChanges = pgTable("publish_drones_baseline_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
