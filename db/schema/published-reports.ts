// Annual surveillance reports as published: one document per program and calendar year, built by
// server/publish/annual-reports.ts from the raw records with every count under the k = 11 rule.
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { AnnualReportData } from "../../lib/reports/annual";

export const pubAnnualReports = pgTable(
  "pub_annual_reports",
  {
    program: text("program").notNull(),
    year: integer("year").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    /** Events that ended after this instant are not in the report yet (the publication delay). */
    cutoff: timestamp("cutoff", { withTimezone: true }).notNull(),
    data: jsonb("data").$type<AnnualReportData>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.program, t.year] })],
);
