// Staff-written content: updates, policy versions, costs, initiatives, targets, meetings, feedback.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { areas, programs } from "./reference";
import { users } from "./auth";
import {
  BUDGET_STATUSES,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  MILESTONE_KINDS,
  RECORDS_REQUEST_OUTCOMES,
  REPORT_SECTIONS,
  ROLLOUT_STATUSES,
  SERVICE_AREAS,
  STRATEGY_PHASES,
  TARGET_DIRECTIONS,
  UPDATE_STATUSES,
  VOTE_RESULTS,
} from "../../lib/vocab";

export const updateStatus = pgEnum("update_status", UPDATE_STATUSES);

export const programUpdates = pgTable(
  "program_updates",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    programId: integer("program_id").references(() => programs.id),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    bodyMarkdown: text("body_markdown").notNull(),
    /** Optional Spanish version, shown to Spanish readers; null: readers see the English text. */
    titleEs: text("title_es"),
    summaryEs: text("summary_es"),
    bodyMarkdownEs: text("body_markdown_es"),
    status: updateStatus("status").notNull().default("draft"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    authorUserId: integer("author_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("program_updates_publish").on(t.status, t.publishAt),
    check("update_scheduled_has_time", sql`${t.status} = 'draft' or ${t.publishAt} is not null`),
    // A Spanish version is whole: a title and a text, or neither.
    check("update_spanish_whole", sql`(${t.titleEs} is null) = (${t.bodyMarkdownEs} is null)`),
  ],
);

export const policyVersions = pgTable(
  "policy_versions",
  {
    id: serial("id").primaryKey(),
    policySlug: text("policy_slug").notNull(),
    programId: integer("program_id").references(() => programs.id),
    title: text("title").notNull(),
    version: text("version").notNull(),
    effectiveDate: date("effective_date").notNull(),
    adoptedBy: text("adopted_by").notNull(),
    bodyMdx: text("body_mdx").notNull(),
    /** Optional plain-language summary of the version, in English and in Spanish. */
    summary: text("summary"),
    summaryEs: text("summary_es"),
    /** "file" for content/policies/*.mdx, "web" for versions published from the staff area. */
    origin: text("origin").notNull().default("file"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("policy_versions_slug_version").on(t.policySlug, t.version)],
);

export const budgetStatus = pgEnum("budget_status", BUDGET_STATUSES);

export const budgetItems = pgTable(
  "budget_items",
  {
    id: serial("id").primaryKey(),
    programId: integer("program_id").references(() => programs.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    approvedAmountCents: bigint("approved_amount_cents", { mode: "number" }).notNull(),
    actualCostCents: bigint("actual_cost_cents", { mode: "number" }),
    fundingSource: text("funding_source").notNull(),
    status: budgetStatus("status").notNull(),
    fiscalYear: text("fiscal_year").notNull(),
    note: text("note"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "budget_amounts_nonneg",
      sql`${t.approvedAmountCents} >= 0 and (${t.actualCostCents} is null or ${t.actualCostCents} >= 0)`,
    ),
  ],
);

export const serviceArea = pgEnum("service_area", SERVICE_AREAS);
export const milestoneKind = pgEnum("milestone_kind", MILESTONE_KINDS);

export const initiatives = pgTable(
  "initiatives",
  {
    id: serial("id").primaryKey(),
    programId: integer("program_id").references(() => programs.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Optional Spanish version, shown to Spanish readers; null: readers see the English text. */
    nameEs: text("name_es"),
    descriptionEs: text("description_es"),
    serviceArea: serviceArea("service_area").notNull(),
    status: text("status").notNull().default("in_progress"),
  },
  (t) => [
    // A Spanish version is whole: a name, and a description exactly when the English has one; or neither.
    check(
      "initiative_spanish_whole",
      sql`(${t.nameEs} is null and ${t.descriptionEs} is null) or (${t.nameEs} is not null and (${t.descriptionEs} is null) = (${t.description} = ''))`,
    ),
  ],
);

export const milestones = pgTable(
  "milestones",
  {
    id: serial("id").primaryKey(),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    kind: milestoneKind("kind").notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date"),
    completedDate: date("completed_date"),
    note: text("note"),
    /** Optional Spanish version, shown to Spanish readers; null: readers see the English text. */
    titleEs: text("title_es"),
    noteEs: text("note_es"),
  },
  (t) => [
    // A Spanish version is whole: a title, and a note exactly when the English has one; or neither.
    check(
      "milestone_spanish_whole",
      sql`(${t.titleEs} is null and ${t.noteEs} is null) or (${t.titleEs} is not null and (${t.noteEs} is null) = (${t.note} is null))`,
    ),
  ],
);

export const targetDirection = pgEnum("target_direction", TARGET_DIRECTIONS);

export const metricTargets = pgTable("metric_targets", {
  id: serial("id").primaryKey(),
  metricKey: text("metric_key").notNull().unique(),
  label: text("label").notNull(),
  target: real("target").notNull(),
  unit: text("unit").notNull(),
  direction: targetDirection("direction").notNull(),
  setByUserId: integer("set_by_user_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const councilMeetings = pgTable("council_meetings", {
  id: serial("id").primaryKey(),
  meetingDate: date("meeting_date").notNull(),
  title: text("title").notNull(),
  location: text("location").notNull().default(""),
  summary: text("summary").notNull().default(""),
});

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => councilMeetings.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    programId: integer("program_id").references(() => programs.id),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
  },
  (t) => [
    check(
      "agenda_period",
      sql`${t.periodStart} is null or ${t.periodEnd} is null or ${t.periodEnd} >= ${t.periodStart}`,
    ),
  ],
);

export const voteResult = pgEnum("vote_result", VOTE_RESULTS);

export const councilVotes = pgTable(
  "council_votes",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => councilMeetings.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
    motion: text("motion").notNull(),
    result: voteResult("result").notNull(),
    ayes: integer("ayes").notNull(),
    noes: integer("noes").notNull(),
    abstentions: integer("abstentions").notNull().default(0),
  },
  (t) => [check("vote_counts_nonneg", sql`${t.ayes} >= 0 and ${t.noes} >= 0 and ${t.abstentions} >= 0`)],
);

export const feedbackKind = pgEnum("feedback_kind", FEEDBACK_KINDS);
export const feedbackStatus = pgEnum("feedback_status", FEEDBACK_STATUSES);

export const feedback = pgTable(
  "feedback",
  {
    id: serial("id").primaryKey(),
    kind: feedbackKind("kind").notNull(),
    programId: integer("program_id").references(() => programs.id),
    /** What it is about: program, policy, flight or access, by its public permalink id. */
    targetType: text("target_type").notNull(),
    targetRef: text("target_ref"),
    body: text("body").notNull(),
    /** Optional, never public. */
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    status: feedbackStatus("status").notNull().default("new"),
    /** One public line once resolved. */
    outcome: text("outcome"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("feedback_status").on(t.status, t.programId)],
);

/** Each status a message was given by staff, with when (append-only; written with the change). */
export const feedbackStatusChanges = pgTable(
  "feedback_status_changes",
  {
    id: serial("id").primaryKey(),
    feedbackId: integer("feedback_id")
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
    status: feedbackStatus("status").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("feedback_status_changes_feedback").on(t.feedbackId, t.at)],
);

/** Staff-set weights for rollout prioritization (factor → weight). */
export const prioritizationWeights = pgTable("prioritization_weights", {
  factor: text("factor").primaryKey(),
  label: text("label").notNull(),
  weight: real("weight").notNull(),
  direction: targetDirection("direction").notNull().default("higher_is_better"),
});

export const recordsRequestOutcome = pgEnum("records_request_outcome", RECORDS_REQUEST_OUTCOMES);

/** Public-records requests about a program, entered by staff for the annual report: dates and outcome only, no requester. */
export const recordsRequests = pgTable(
  "records_requests",
  {
    id: serial("id").primaryKey(),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    receivedOn: date("received_on").notNull(),
    closedOn: date("closed_on"),
    outcome: recordsRequestOutcome("outcome").notNull().default("pending"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("records_requests_received").on(t.receivedOn),
    check("records_request_dates", sql`${t.closedOn} is null or ${t.closedOn} >= ${t.receivedOn}`),
  ],
);

export const reportSection = pgEnum("report_section", REPORT_SECTIONS);

/** Staff-written narrative of one section of a program's annual surveillance report: public as written. */
export const annualReportNarratives = pgTable(
  "annual_report_narratives",
  {
    id: serial("id").primaryKey(),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    year: integer("year").notNull(),
    section: reportSection("section").notNull(),
    body: text("body").notNull(),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("annual_report_narratives_key").on(t.programId, t.year, t.section)],
);

export const rolloutStatus = pgEnum("rollout_status", ROLLOUT_STATUSES);

/** The council's rollout decisions per area, with the reason and the vote: public as written. */
export const rolloutDecisions = pgTable(
  "rollout_decisions",
  {
    id: serial("id").primaryKey(),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    status: rolloutStatus("status").notNull(),
    decidedOn: date("decided_on").notNull(),
    /** When it went (or is to go) live. */
    liveOn: date("live_on"),
    /** Why this area, in a sentence or two: public. */
    reason: text("reason").notNull(),
    voteId: integer("vote_id").references(() => councilVotes.id),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rollout_decisions_area").on(t.areaId, t.decidedOn)],
);

export const strategyPhase = pgEnum("strategy_phase", STRATEGY_PHASES);

/** The Community Safety and Well-Being strategy's phases, with dates and a public summary. */
export const strategyPhases = pgTable(
  "strategy_phases",
  {
    phase: strategyPhase("phase").primaryKey(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    summary: text("summary").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("strategy_phase_dates", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`)],
);

/** What community engagement heard, by theme: staff count the comments and summarize them. */
export const engagementThemes = pgTable(
  "engagement_themes",
  {
    id: serial("id").primaryKey(),
    serviceArea: serviceArea("service_area"),
    theme: text("theme").notNull().unique(),
    comments: integer("comments").notNull(),
    summary: text("summary").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("engagement_comments_nonneg", sql`${t.comments} >= 0`)],
);

/**
 * Where and what a resident's message is about, when they say: the area (division or neighborhood,
 * the city's area kind) and the well-being theme. Counted by area for rollout prioritization and by
 * theme on the well-being page; never shown per message.
 */
export const feedbackContext = pgTable(
  "feedback_context",
  {
    feedbackId: integer("feedback_id")
      .primaryKey()
      .references(() => feedback.id, { onDelete: "cascade" }),
    areaId: integer("area_id").references(() => areas.id, { onDelete: "cascade" }),
    themeId: integer("theme_id").references(() => engagementThemes.id, { onDelete: "set null" }),
  },
  (t) => [index("feedback_context_area").on(t.areaId), index("feedback_context_theme").on(t.themeId)],
);
