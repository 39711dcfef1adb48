// Closed review findings as the public sees them: the outcome, the program and period, how many
// records, and the summary written for residents. No names, notes, explanations or raw record ids.
import { date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

export const pubFindings = pgTable("pub_findings", {
  /** The finding's number, shown as "finding #n". */
  number: integer("number").primaryKey(),
  outcome: text("outcome").notNull(),
  /** The programs of the records it covers, as a comma-separated list of program slugs. */
  programs: text("programs").notNull(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  periodEnd: date("period_end", { mode: "string" }).notNull(),
  closedOn: date("closed_on", { mode: "string" }).notNull(),
  records: integer("records").notNull(),
  summary: text("summary").notNull(),
});

/** Which published rows a closed finding covers, by their public ids only. */
export const pubFindingRecords = pgTable(
  "pub_finding_records",
  {
    number: integer("number").notNull(),
    recordType: text("record_type").notNull(),
    publicId: text("public_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.number, t.recordType, t.publicId] }),
    index("pub_finding_records_id").on(t.publicId),
  ],
);
