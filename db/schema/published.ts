// The published read model: anonymized, generalized rows that public code may read.
// Filled only by the publish step (lib/publish); see ../shared/docs/privacy.md.
import { integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const publicationStatus = pgEnum("publication_status", ["running", "succeeded", "failed"]);

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
});
