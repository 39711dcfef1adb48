// The review area's own records: anomaly flags on raw records, reviewer actions, findings.
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  primaryKey,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { FINDING_OUTCOMES, FINDING_STATUSES, REVIEW_ACTION_KINDS, REVIEW_RECORD_TYPES } from "../../lib/vocab";

export const reviewRecordType = pgEnum("review_record_type", REVIEW_RECORD_TYPES);

/** A rule that fired on a raw record, with its plain-words explanation. Recomputed by `daylight flags`. */
export const anomalyFlags = pgTable(
  "anomaly_flags",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recordType: reviewRecordType("record_type").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    rule: text("rule").notNull(),
    explanation: text("explanation").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("anomaly_flags_record_rule").on(t.recordType, t.recordId, t.rule),
    index("anomaly_flags_occurred").on(t.occurredAt),
  ],
);

export const reviewActionKind = pgEnum("review_action_kind", REVIEW_ACTION_KINDS);

export const reviewActions = pgTable(
  "review_actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recordType: reviewRecordType("record_type").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    action: reviewActionKind("action").notNull(),
    note: text("note"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_actions_record").on(t.recordType, t.recordId)],
);

export const findingStatus = pgEnum("finding_status", FINDING_STATUSES);
export const findingOutcome = pgEnum("finding_outcome", FINDING_OUTCOMES);

export const findings = pgTable(
  "findings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recordType: reviewRecordType("record_type").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    /** The anomaly rule (or "other") the finding is about: published counts group by it. */
    findingType: text("finding_type").notNull(),
    status: findingStatus("status").notNull().default("open"),
    note: text("note").notNull(),
    openedBy: integer("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: integer("closed_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    outcome: findingOutcome("outcome"),
    outcomeNote: text("outcome_note"),
    /** The reviewer the finding is assigned to. */
    assignedTo: integer("assigned_to").references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    /** What the agency is asked to explain, and by when (a local date). */
    explanationRequest: text("explanation_request"),
    explanationDueOn: date("explanation_due_on", { mode: "string" }),
    explanationRequestedAt: timestamp("explanation_requested_at", { withTimezone: true }),
    /** The agency's explanation as received (restricted: never published). */
    explanation: text("explanation"),
    explanationReceivedAt: timestamp("explanation_received_at", { withTimezone: true }),
    /** Written for residents at closing; the only free text the public finding carries. */
    publicSummary: text("public_summary"),
  },
  (t) => [index("findings_status_type").on(t.status, t.findingType)],
);

/** The records a finding covers (the one it was opened on included). */
export const findingRecords = pgTable(
  "finding_records",
  {
    findingId: bigint("finding_id", { mode: "number" })
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    recordType: reviewRecordType("record_type").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    addedBy: integer("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.findingId, t.recordType, t.recordId] }),
    index("finding_records_record").on(t.recordType, t.recordId),
  ],
);
