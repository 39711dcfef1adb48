// The published read model: anonymized, generalized rows that public code may read.
// Filled only by the publish step (server/publish), under the rules in lib/publish/rules.ts.
import { date, integer, jsonb, pgEnum, pgTable, primaryKey, real, serial, text, timestamp } from "drizzle-orm/pg-core";
import { PUBLICATION_STATUSES } from "../../lib/vocab";

export * from "./published-drones";

export const publicationStatus = pgEnum("publication_status", PUBLICATION_STATUSES);

/** One row per publish run: what rules were applied to how many source rows. */
export const publicationRuns = pgTable("publication_runs", {
  id: serial("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  /** Data is published up to this moment minus each dataset's delay. */
  asOf: timestamp("as_of", { withTimezone: true }).notNull(),
  rulesVersion: text("rules_version").notNull(),
  status: publicationStatus("status").notNull(),
  sourceCounts: jsonb("source_counts").$type<Record<string, number>>().notNull().default({}),
  publishedCounts: jsonb("published_counts").$type<Record<string, number>>().notNull().default({}),
  cellsSuppressed: integer("cells_suppressed").notNull().default(0),
  error: text("error"),
  trigger: text("trigger").notNull().default("cli"),
  /**
   * Per dataset, what its published rows were built under (reference tables, rules, keys, zone:
   * server/publish/changes.ts). A later publication whose fingerprint differs rebuilds the dataset.
   */
  fingerprints: jsonb("fingerprints").$type<Record<string, string>>().notNull().default({}),
  /** Per dataset, what this run rewrote: "full (why)" or the number of local dates. */
  scopes: jsonb("scopes").$type<Record<string, string>>().notNull().default({}),
});

/**
 * What readers show as "data as of": one row per dataset, rewritten by its publisher inside the
 * publication transaction, so it always matches the rows being served.
 */
export const pubDatasets = pgTable("pub_datasets", {
  dataset: text("dataset").primaryKey(),
  runId: integer("run_id").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  asOf: timestamp("as_of", { withTimezone: true }).notNull(),
  /** Events that ended after this instant are not published yet (the publication delay). */
  cutoff: timestamp("cutoff", { withTimezone: true }).notNull(),
  delayHours: integer("delay_hours").notNull(),
  rulesVersion: text("rules_version").notNull(),
  rows: integer("rows").notNull().default(0),
});

/**
 * Per-day counts over the published row tables (pub_flights, pub_camera_accesses,
 * pub_alpr_searches, pub_cso_calls), written from those tables in the same publication: every
 * number here can be recomputed from rows already public. They let the council scorecard sum
 * any date range without reading millions of rows.
 */
export const pubDailyCounts = pgTable(
  "pub_daily_counts",
  {
    dataset: text("dataset").notNull(),
    metric: text("metric").notNull(),
    localDate: date("local_date").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.metric, t.localDate] })],
);

/** Per-day histograms of a published value (e.g. time to scene, 0.1-minute steps), for exact medians over any range. */
export const pubDailyValues = pgTable(
  "pub_daily_values",
  {
    dataset: text("dataset").notNull(),
    metric: text("metric").notNull(),
    localDate: date("local_date").notNull(),
    value: real("value").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.metric, t.localDate, t.value] })],
);

/** The same histograms per calendar month (month = its first day): a year's median reads 12 months, not 365 days. */
export const pubMonthlyValues = pgTable(
  "pub_monthly_values",
  {
    dataset: text("dataset").notNull(),
    metric: text("metric").notNull(),
    month: date("month").notNull(),
    value: real("value").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.metric, t.month, t.value] })],
);
