// Private partial aggregates of the published CSO calls, from which every CSO rollup is summed
// (server/publish/cso-parts.ts): an incremental publication rewrites only the dates it rewrites in
// pub_cso_calls, keeps the whole-record totals up to date by the difference, and the rollups add up
// dates and totals instead of reading every call. Unsuppressed counts: never read by a route, the
// open-data registry or the API.
import { bigserial, boolean, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Calls per local date counted by one breakdown: "category", "source", "outcome", "referral",
 * "flag" (sworn, referred, reports, fingerprints, dna, sensitive), and, among calls that are not
 * sensitive, "area" (slug, or "unknown") and "hour" (local hour).
 */
export const publishPartCsoCounts = pgTable(
  "publish_part_cso_counts",
  {
    localDate: date("local_date").notNull(),
    breakdown: text("breakdown").notNull(),
    key: text("key").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_cso_counts_pk", columns: [t.localDate, t.breakdown, t.key] })],
);

/**
 * The exact minutes of every call, in tenths as the rollups round them, with their counts: to
 * scene ("response", by category and call source) and to clear ("clear", category and source "").
 */
export const publishPartCsoMinutes = pgTable(
  "publish_part_cso_minutes",
  {
    localDate: date("local_date").notNull(),
    kind: text("kind").notNull(),
    category: text("category").notNull(),
    callSource: text("call_source").notNull(),
    tenths: integer("tenths").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [index("publish_part_cso_minutes_date").on(t.localDate)],
);

/**
 * publish_part_cso_minutes over every date, by one dimension: "*" (all), and for "response" also
 * "category", "source" and "month" ("YYYY-MM"). Kept by difference on incremental publications.
 */
export const publishPartCsoMinuteTotals = pgTable(
  "publish_part_cso_minute_totals",
  {
    kind: text("kind").notNull(),
    dim: text("dim").notNull(),
    key: text("key").notNull(),
    tenths: integer("tenths").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_cso_minute_totals_pk", columns: [t.kind, t.dim, t.key, t.tenths] })],
);

/** Located calls per local date by their resolution-8 cell, coarse cell and sensitivity (what generalization decides on). */
export const publishPartCsoCells = pgTable(
  "publish_part_cso_cells",
  {
    localDate: date("local_date").notNull(),
    fine: text("fine").notNull(),
    coarse: text("coarse").notNull(),
    sensitive: boolean("sensitive").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_cso_cells_pk", columns: [t.localDate, t.fine, t.coarse, t.sensitive] })],
);

/** publish_part_cso_cells over every date. Kept by difference on incremental publications. */
export const publishPartCsoCellTotals = pgTable(
  "publish_part_cso_cell_totals",
  {
    fine: text("fine").notNull(),
    coarse: text("coarse").notNull(),
    sensitive: boolean("sensitive").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "publish_part_cso_cell_totals_pk", columns: [t.fine, t.coarse, t.sensitive] })],
);

/**
 * The pre-pilot baseline as last computed from baseline_responses (JSON), under `key` (the zone and
 * the call categories): an incremental publication reuses it while no change to the CSO baseline
 * responses is logged (publish_cso_baseline_changes).
 */
export const publishPartCsoBaseline = pgTable("publish_part_cso_baseline", {
  key: text("key").primaryKey(),
  baseline: text("baseline").notNull(),
});

/**
 * One row per statement that changed CSO rows of baseline_responses (a trigger, migration), removed
 * by the publication that recomputed the baseline after seeing it.
 */
export const publishCsoBaselineChanges = pgTable("publish_cso_baseline_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
