// The review queue's read model: one narrow row per flagged record, written by the flag recompute
// (server/anomalies/recompute.ts) and kept in step by the review workflow when a record's state
// changes, so the queue's people and records views read one indexed table instead of grouping
// anomaly_flags and joining the raw tables on every request.
import { bigint, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { reviewRecordType } from "./review";

export const reviewQueue = pgTable(
  "review_queue",
  {
    recordType: reviewRecordType("record_type").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    /** Who made the record (the camera user, the searcher, the pilot); null when unknown. */
    personnelId: integer("personnel_id"),
    agencyId: integer("agency_id"),
    /** The camera of a camera access. */
    cameraId: integer("camera_id"),
    /** What was done: the camera operation, "plate_search" or "flight" (the people view counts them). */
    operation: text("operation").notNull(),
    /** The rules that fired, sorted. */
    rules: text("rules").array().notNull(),
    /** Sum of the rules' weights from config/anomalies.json as of the recompute. */
    score: doublePrecision("score").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** Latest review action other than a note (reviewed, explanation_requested, finding_opened, finding_closed); null: not reviewed. */
    state: text("state"),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId] }),
    index("review_queue_score").on(
      t.score.desc().nullsFirst(),
      t.occurredAt.desc().nullsFirst(),
      t.recordType,
      t.recordId,
    ),
    index("review_queue_occurred").on(t.occurredAt.desc().nullsFirst(), t.recordType, t.recordId),
    index("review_queue_person").on(t.personnelId, t.score),
    index("review_queue_agency").on(t.agencyId),
    index("review_queue_camera").on(t.cameraId),
    index("review_queue_state").on(t.state),
    index("review_queue_rules").using("gin", t.rules),
  ],
);

// The queue's records counted by who, what and state: a few thousand rows where review_queue has
// hundreds of thousands at a large city. The people list, the state counts and the record count
// read it whenever their filters are among its columns (rule, program, state, person, agency);
// a date or camera filter reads review_queue itself. Rebuilt with review_queue by the flag
// recompute, and a person's rows again when a review changes one of their records' state.
export const reviewQueueGroups = pgTable(
  "review_queue_groups",
  {
    personnelId: integer("personnel_id"),
    agencyId: integer("agency_id"),
    recordType: reviewRecordType("record_type").notNull(),
    operation: text("operation").notNull(),
    rules: text("rules").array().notNull(),
    state: text("state"),
    /** Records in the group, their summed score and first and last time. */
    n: integer("n").notNull(),
    score: doublePrecision("score").notNull(),
    first: timestamp("first", { withTimezone: true }).notNull(),
    last: timestamp("last", { withTimezone: true }).notNull(),
  },
  (t) => [index("review_queue_groups_person").on(t.personnelId)],
);
