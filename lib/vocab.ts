// Every controlled vocabulary, once: the database enums (db/schema), the zod schemas of imports and
// forms, and the labels and filters are all derived from these lists.

export const USER_ROLES = ["staff", "council", "auditor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const IMPORT_STATUSES = ["succeeded", "partial", "failed", "dry_run"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const CAMERA_KINDS = ["fixed", "ptz", "plate_reader"] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];

export const CAMERA_OWNERS = ["city", "other_agency", "private"] as const;
export type CameraOwner = (typeof CAMERA_OWNERS)[number];

export const CAMERA_STATUSES = ["active", "inactive", "planned", "removed"] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

export const CAMERA_NETWORKS = [
  "police",
  "street_lighting",
  "transportation",
  "general_services",
  "private_business",
  "other",
] as const;
export type CameraNetwork = (typeof CAMERA_NETWORKS)[number];

export const ACCESS_OPERATIONS = ["live_view", "playback", "export", "share"] as const;
export type AccessOperation = (typeof ACCESS_OPERATIONS)[number];

export const ACCESS_REASONS = [
  "investigation",
  "incident_response",
  "patrol_support",
  "missing_person",
  "traffic",
  "training",
  "maintenance",
  "audit",
  "other",
] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

export const SHARING_DIRECTIONS = ["outbound", "inbound", "both"] as const;
export type SharingDirection = (typeof SHARING_DIRECTIONS)[number];

export const UPDATE_STATUSES = ["draft", "scheduled", "published"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const BUDGET_STATUSES = ["planned", "approved", "purchased", "complete", "cancelled"] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const SERVICE_AREAS = ["law_enforcement_emergency", "neighborhood_livability", "health_human_services"] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const MILESTONE_KINDS = [
  "rfp_issued",
  "vendor_selected",
  "contract_approved",
  "installation",
  "complete",
  "community_engagement",
  "other",
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const TARGET_DIRECTIONS = ["lower_is_better", "higher_is_better"] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export const VOTE_RESULTS = ["passed", "failed", "tabled", "continued"] as const;
export type VoteResult = (typeof VOTE_RESULTS)[number];

export const FEEDBACK_KINDS = ["feedback", "complaint"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_STATUSES = ["new", "triaged", "in_progress", "resolved", "dismissed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const CSO_CALL_SOURCES = ["911", "311", "self_initiated"] as const;
export type CsoCallSource = (typeof CSO_CALL_SOURCES)[number];

export const CSO_OUTCOMES = [
  "resolved",
  "referred",
  "report_taken",
  "transferred_to_sworn",
  "no_contact",
  "cancelled",
] as const;
export type CsoOutcome = (typeof CSO_OUTCOMES)[number];

export const FLIGHT_OUTCOMES = [
  "cleared_no_patrol",
  "patrol_dispatched",
  "arrest",
  "no_action",
  "cancelled",
  "other",
] as const;
export type FlightOutcome = (typeof FLIGHT_OUTCOMES)[number];

export const PUBLICATION_STATUSES = ["running", "succeeded", "failed"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const AREA_KINDS = ["neighborhood", "division"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const PROGRAM_SLUGS = ["drones", "fixed_cameras", "watch_center", "plate_readers", "cso"] as const;
export type ProgramSlug = (typeof PROGRAM_SLUGS)[number];

export const PROGRAM_STATUSES = ["planned", "pilot", "active", "paused", "ended"] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const AGENCY_KINDS = ["city", "county", "state", "federal", "private", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const PERSONNEL_ROLES = [
  "watch_center_operator",
  "detective",
  "patrol_deputy",
  "supervisor",
  "analyst",
  "drone_pilot",
  "cso",
  "records",
  "other",
] as const;
export type PersonnelRole = (typeof PERSONNEL_ROLES)[number];

export const REVIEW_RECORD_TYPES = ["camera_access", "alpr_search", "drone_flight"] as const;
export type ReviewRecordType = (typeof REVIEW_RECORD_TYPES)[number];

export const REVIEW_ACTION_KINDS = [
  "reviewed",
  "explanation_requested",
  "finding_opened",
  "finding_closed",
  "note",
] as const;
export type ReviewActionKind = (typeof REVIEW_ACTION_KINDS)[number];

/** A finding's steps, in order: opened, assigned to a reviewer, explanation asked of the agency and received, closed. */
export const FINDING_STATUSES = [
  "open",
  "assigned",
  "explanation_requested",
  "explanation_received",
  "closed",
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: "Open",
  assigned: "Assigned",
  explanation_requested: "Explanation requested",
  explanation_received: "Explanation received",
  closed: "Closed",
};

export const FINDING_OUTCOMES = [
  "no_violation",
  "policy_violation_training",
  "policy_violation_discipline",
  "data_quality",
  "policy_change_recommended",
] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];
export const FINDING_OUTCOME_LABELS: Record<FindingOutcome, string> = {
  no_violation: "No violation",
  policy_violation_training: "Policy violation: training",
  policy_violation_discipline: "Policy violation: discipline referred",
  data_quality: "Data-quality issue",
  policy_change_recommended: "Policy change recommended",
};

export const REFERRAL_TYPES = [
  "housing",
  "mental_health",
  "substance_use",
  "victim_services",
  "youth_services",
  "senior_services",
  "medical",
  "other",
] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** Background jobs the portal runs itself (server/jobs). */
export const JOB_NAMES = ["publish", "flags", "audit-checkpoint"] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** One attempt of a background job: "retrying" failed and will run again after its backoff. */
export const JOB_RUN_STATUSES = ["running", "succeeded", "retrying", "failed"] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** How a public-records request about a surveillance technology ended (annual surveillance report). */
export const RECORDS_REQUEST_OUTCOMES = [
  "pending",
  "fulfilled",
  "partially_fulfilled",
  "no_records",
  "denied",
] as const;
export type RecordsRequestOutcome = (typeof RECORDS_REQUEST_OUTCOMES)[number];

/** The sections of the annual surveillance report, in the order ordinances list them (SF 19B, Oakland 9.64, Seattle 14.18, CCOPS). */
export const REPORT_SECTIONS = [
  "summary",
  "uses",
  "sharing",
  "complaints",
  "audits",
  "costs",
  "effectiveness",
  "records_requests",
  "civil_rights",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The published datasets that keep daily counts for the council scorecard (pub_daily_values). */
export const DAILY_DATASETS = ["drones", "cameras", "alpr", "cso"] as const;
export type DailyDataset = (typeof DAILY_DATASETS)[number];

/** The published datasets with rollups (pub_breakdowns, pub_metrics, pub_cells). */
export const ROLLUP_DATASETS = ["drones", "cameras", "alpr", "cso"] as const;
export type RollupDataset = (typeof ROLLUP_DATASETS)[number];

/** Where a rollout stands in one area (e.g. a real-time crime center per police division). */
export const ROLLOUT_STATUSES = ["planned", "approved", "live"] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/** The phases of the Community Safety and Well-Being strategy. */
export const STRATEGY_PHASES = ["strategy_development", "community_engagement", "implementation"] as const;
export type StrategyPhase = (typeof STRATEGY_PHASES)[number];

/** Import targets (daylight import, POST /api/ingest/<dataset>); each has a spec and a writer. */
export const INGEST_DATASETS = [
  "flights",
  "camera_access",
  "alpr_searches",
  "alpr_daily",
  "cso_activities",
  "cameras",
] as const;
export type IngestDataset = (typeof INGEST_DATASETS)[number];

/** Open datasets (/api/v1/<slug>), in the order /data lists them; each has a definition and a reader. */
export const OPEN_DATASETS = [
  "drone-flights",
  "camera-accesses",
  "cameras",
  "private-cameras-by-area",
  "plate-reader-searches",
  "cso-calls",
  "budget-items",
  "findings-counts",
  "publications",
] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

export const isOpenDataset = (s: string): s is OpenDataset => (OPEN_DATASETS as readonly string[]).includes(s);
