CREATE TYPE "public"."agency_kind" AS ENUM('city', 'county', 'state', 'federal', 'private', 'other');--> statement-breakpoint
CREATE TYPE "public"."area_kind" AS ENUM('neighborhood', 'division');--> statement-breakpoint
CREATE TYPE "public"."personnel_role" AS ENUM('watch_center_operator', 'detective', 'patrol_deputy', 'supervisor', 'analyst', 'drone_pilot', 'cso', 'records', 'other');--> statement-breakpoint
CREATE TYPE "public"."program_slug" AS ENUM('drones', 'fixed_cameras', 'watch_center', 'plate_readers', 'cso');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('planned', 'pilot', 'active', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."flight_outcome" AS ENUM('cleared_no_patrol', 'patrol_dispatched', 'arrest', 'no_action', 'cancelled', 'other');--> statement-breakpoint
CREATE TYPE "public"."access_operation" AS ENUM('live_view', 'playback', 'export', 'share');--> statement-breakpoint
CREATE TYPE "public"."access_reason" AS ENUM('investigation', 'incident_response', 'patrol_support', 'missing_person', 'traffic', 'training', 'maintenance', 'audit', 'other');--> statement-breakpoint
CREATE TYPE "public"."camera_kind" AS ENUM('fixed', 'ptz', 'plate_reader');--> statement-breakpoint
CREATE TYPE "public"."camera_network" AS ENUM('police', 'street_lighting', 'transportation', 'general_services', 'private_business', 'other');--> statement-breakpoint
CREATE TYPE "public"."camera_owner" AS ENUM('city', 'other_agency', 'private');--> statement-breakpoint
CREATE TYPE "public"."camera_status" AS ENUM('active', 'inactive', 'planned', 'removed');--> statement-breakpoint
CREATE TYPE "public"."sharing_direction" AS ENUM('outbound', 'inbound', 'both');--> statement-breakpoint
CREATE TYPE "public"."cso_call_source" AS ENUM('911', '311', 'self_initiated');--> statement-breakpoint
CREATE TYPE "public"."cso_outcome" AS ENUM('resolved', 'referred', 'report_taken', 'transferred_to_sworn', 'no_contact', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('succeeded', 'partial', 'failed', 'dry_run');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('staff', 'council', 'auditor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."budget_status" AS ENUM('planned', 'approved', 'purchased', 'complete', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."feedback_kind" AS ENUM('feedback', 'complaint');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('new', 'triaged', 'in_progress', 'resolved', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."milestone_kind" AS ENUM('rfp_issued', 'vendor_selected', 'contract_approved', 'installation', 'complete', 'community_engagement', 'other');--> statement-breakpoint
CREATE TYPE "public"."service_area" AS ENUM('law_enforcement_emergency', 'neighborhood_livability', 'health_human_services');--> statement-breakpoint
CREATE TYPE "public"."target_direction" AS ENUM('lower_is_better', 'higher_is_better');--> statement-breakpoint
CREATE TYPE "public"."update_status" AS ENUM('draft', 'scheduled', 'published');--> statement-breakpoint
CREATE TYPE "public"."vote_result" AS ENUM('passed', 'failed', 'tabled', 'continued');--> statement-breakpoint
CREATE TYPE "public"."finding_outcome" AS ENUM('no_violation', 'policy_violation', 'training_required', 'referred_for_discipline', 'data_error');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."review_action_kind" AS ENUM('reviewed', 'explanation_requested', 'finding_opened', 'finding_closed', 'note');--> statement-breakpoint
CREATE TYPE "public"."review_record_type" AS ENUM('camera_access', 'alpr_search', 'drone_flight');--> statement-breakpoint
CREATE TYPE "public"."publication_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"kind" "agency_kind" DEFAULT 'other' NOT NULL,
	CONSTRAINT "agencies_name_key_unique" UNIQUE("name_key")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "area_kind" DEFAULT 'neighborhood' NOT NULL,
	"population" integer NOT NULL,
	"boundary" jsonb NOT NULL,
	"property_crime_rate" real,
	"community_feedback_score" real,
	CONSTRAINT "areas_slug_unique" UNIQUE("slug"),
	CONSTRAINT "areas_population_nonneg" CHECK ("areas"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "baseline_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"program" "program_slug" NOT NULL,
	"category" text NOT NULL,
	"area_id" integer,
	"received_at" timestamp with time zone NOT NULL,
	"on_scene_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"lat" double precision,
	"lon" double precision,
	CONSTRAINT "baseline_on_scene_after_received" CHECK ("baseline_responses"."on_scene_at" is null or "baseline_responses"."on_scene_at" >= "baseline_responses"."received_at"),
	CONSTRAINT "baseline_cleared_after_on_scene" CHECK ("baseline_responses"."cleared_at" is null or "baseline_responses"."on_scene_at" is null or "baseline_responses"."cleared_at" >= "baseline_responses"."on_scene_at")
);
--> statement-breakpoint
CREATE TABLE "call_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"grouping" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personnel" (
	"id" serial PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"name_key" text NOT NULL,
	"external_id" text,
	"agency_id" integer NOT NULL,
	"role" "personnel_role" DEFAULT 'other' NOT NULL,
	"badge_number" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" "program_slug" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "program_status" NOT NULL,
	"start_date" date,
	"end_date" date,
	CONSTRAINT "programs_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "drone_aircraft" (
	"id" serial PRIMARY KEY NOT NULL,
	"dock_id" integer,
	"model" text NOT NULL,
	"serial_number" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "drone_aircraft_serial_number_unique" UNIQUE("serial_number")
);
--> statement-breakpoint
CREATE TABLE "drone_docks" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"site_name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"area_id" integer,
	"installed_at" timestamp with time zone,
	CONSTRAINT "drone_docks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "drone_flights" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"call_number" text,
	"call_type_raw" text,
	"category" text NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"priority" smallint,
	"dispatched_at" timestamp with time zone,
	"launched_at" timestamp with time zone NOT NULL,
	"on_scene_at" timestamp with time zone,
	"landed_at" timestamp with time zone NOT NULL,
	"dock_id" integer,
	"aircraft_id" integer,
	"pilot_id" integer,
	"path" jsonb,
	"dest_lat" double precision,
	"dest_lon" double precision,
	"area_id" integer,
	"distance_flown_m" real,
	"outcome" "flight_outcome" DEFAULT 'other' NOT NULL,
	"first_on_scene" boolean,
	"footage_retained" boolean DEFAULT false NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flight_landed_after_launch" CHECK ("drone_flights"."landed_at" >= "drone_flights"."launched_at"),
	CONSTRAINT "flight_launch_after_dispatch" CHECK ("drone_flights"."dispatched_at" is null or "drone_flights"."launched_at" >= "drone_flights"."dispatched_at"),
	CONSTRAINT "flight_on_scene_in_flight" CHECK ("drone_flights"."on_scene_at" is null or ("drone_flights"."on_scene_at" >= "drone_flights"."launched_at" and "drone_flights"."on_scene_at" <= "drone_flights"."landed_at")),
	CONSTRAINT "flight_distance_nonneg" CHECK ("drone_flights"."distance_flown_m" is null or "drone_flights"."distance_flown_m" >= 0),
	CONSTRAINT "flight_priority_range" CHECK ("drone_flights"."priority" is null or "drone_flights"."priority" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "alpr_daily_counts" (
	"camera_id" integer NOT NULL,
	"day" date NOT NULL,
	"detections" integer NOT NULL,
	"hotlist_hits" integer NOT NULL,
	CONSTRAINT "alpr_counts_nonneg" CHECK ("alpr_daily_counts"."detections" >= 0 and "alpr_daily_counts"."hotlist_hits" >= 0 and "alpr_daily_counts"."hotlist_hits" <= "alpr_daily_counts"."detections")
);
--> statement-breakpoint
CREATE TABLE "alpr_searches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"personnel_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"searched_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"offense_type" text,
	"case_number" text,
	"network_count" integer DEFAULT 1 NOT NULL,
	"networks" jsonb,
	CONSTRAINT "alpr_network_count_nonneg" CHECK ("alpr_searches"."network_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "camera_access_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"personnel_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"user_role" text NOT NULL,
	"camera_id" integer NOT NULL,
	"operation" "access_operation" NOT NULL,
	"footage_start" timestamp with time zone,
	"footage_end" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"reason_code" "access_reason" DEFAULT 'other' NOT NULL,
	"reason_text" text,
	"case_number" text,
	"client_app" text,
	"shared_with_agency_id" integer,
	CONSTRAINT "access_end_after_start" CHECK ("camera_access_events"."ended_at" >= "camera_access_events"."started_at"),
	CONSTRAINT "access_footage_window" CHECK ("camera_access_events"."footage_start" is null or "camera_access_events"."footage_end" is null or "camera_access_events"."footage_end" >= "camera_access_events"."footage_start")
);
--> statement-breakpoint
CREATE TABLE "cameras" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"kind" "camera_kind" NOT NULL,
	"owner" "camera_owner" NOT NULL,
	"owner_agency_id" integer,
	"owner_name" text,
	"network" "camera_network" DEFAULT 'police' NOT NULL,
	"site_name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"area_id" integer,
	"status" "camera_status" DEFAULT 'active' NOT NULL,
	"installed_at" date,
	"retention_days" integer,
	CONSTRAINT "cameras_name_key_unique" UNIQUE("name_key"),
	CONSTRAINT "camera_retention_nonneg" CHECK ("cameras"."retention_days" is null or "cameras"."retention_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"program" "program_slug" NOT NULL,
	"direction" "sharing_direction" NOT NULL,
	"data_shared" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"approved_by" text,
	CONSTRAINT "sharing_dates" CHECK ("sharing_agreements"."ended_on" is null or "sharing_agreements"."ended_on" >= "sharing_agreements"."started_on")
);
--> statement-breakpoint
CREATE TABLE "cso_activities" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"call_number" text,
	"call_type_raw" text,
	"category" text NOT NULL,
	"call_source" "cso_call_source" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"on_scene_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"area_id" integer,
	"lat" double precision,
	"lon" double precision,
	"officer_id" integer,
	"outcome" "cso_outcome" NOT NULL,
	"referrals" text[] DEFAULT '{}'::text[] NOT NULL,
	"report_written" boolean DEFAULT false NOT NULL,
	"fingerprints_collected" boolean DEFAULT false NOT NULL,
	"dna_collected" boolean DEFAULT false NOT NULL,
	"sworn_backup_requested" boolean DEFAULT false NOT NULL,
	"narrative" text,
	CONSTRAINT "cso_on_scene_after_received" CHECK ("cso_activities"."on_scene_at" is null or "cso_activities"."on_scene_at" >= "cso_activities"."received_at"),
	CONSTRAINT "cso_cleared_after_received" CHECK ("cso_activities"."cleared_at" is null or "cso_activities"."cleared_at" >= "cso_activities"."received_at"),
	CONSTRAINT "cso_cleared_after_on_scene" CHECK ("cso_activities"."cleared_at" is null or "cso_activities"."on_scene_at" is null or "cso_activities"."cleared_at" >= "cso_activities"."on_scene_at")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"day" date PRIMARY KEY NOT NULL,
	"head_id" integer NOT NULL,
	"head_hash" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"dataset" text NOT NULL,
	"format" text,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"actor" text NOT NULL,
	"token_id" integer,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"status" "import_status" NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"title" text NOT NULL,
	"program_id" integer,
	"period_start" date,
	"period_end" date,
	CONSTRAINT "agenda_period" CHECK ("agenda_items"."period_start" is null or "agenda_items"."period_end" is null or "agenda_items"."period_end" >= "agenda_items"."period_start")
);
--> statement-breakpoint
CREATE TABLE "budget_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"approved_amount_cents" bigint NOT NULL,
	"actual_cost_cents" bigint,
	"funding_source" text NOT NULL,
	"status" "budget_status" NOT NULL,
	"fiscal_year" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_amounts_nonneg" CHECK ("budget_items"."approved_amount_cents" >= 0 and ("budget_items"."actual_cost_cents" is null or "budget_items"."actual_cost_cents" >= 0))
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_date" date NOT NULL,
	"title" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"agenda_item_id" integer,
	"motion" text NOT NULL,
	"result" "vote_result" NOT NULL,
	"ayes" integer NOT NULL,
	"noes" integer NOT NULL,
	"abstentions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vote_counts_nonneg" CHECK ("council_votes"."ayes" >= 0 and "council_votes"."noes" >= 0 and "council_votes"."abstentions" >= 0)
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "feedback_kind" NOT NULL,
	"program_id" integer,
	"target_type" text NOT NULL,
	"target_ref" text,
	"body" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"status" "feedback_status" DEFAULT 'new' NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"service_area" "service_area" NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"metric_key" text NOT NULL,
	"label" text NOT NULL,
	"target" real NOT NULL,
	"unit" text NOT NULL,
	"direction" "target_direction" NOT NULL,
	"set_by_user_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_targets_metric_key_unique" UNIQUE("metric_key")
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"initiative_id" integer NOT NULL,
	"kind" "milestone_kind" NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"completed_date" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_slug" text NOT NULL,
	"program_id" integer,
	"title" text NOT NULL,
	"version" text NOT NULL,
	"effective_date" date NOT NULL,
	"adopted_by" text NOT NULL,
	"body_mdx" text NOT NULL,
	"origin" text DEFAULT 'file' NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prioritization_weights" (
	"factor" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"weight" real NOT NULL,
	"direction" "target_direction" DEFAULT 'higher_is_better' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"program_id" integer,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_markdown" text NOT NULL,
	"status" "update_status" DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"author_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_updates_slug_unique" UNIQUE("slug"),
	CONSTRAINT "update_scheduled_has_time" CHECK ("program_updates"."status" = 'draft' or "program_updates"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "anomaly_flags" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" "review_record_type" NOT NULL,
	"record_id" bigint NOT NULL,
	"rule" text NOT NULL,
	"explanation" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" "review_record_type" NOT NULL,
	"record_id" bigint NOT NULL,
	"finding_type" text NOT NULL,
	"status" "finding_status" DEFAULT 'open' NOT NULL,
	"note" text NOT NULL,
	"opened_by" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" integer,
	"closed_at" timestamp with time zone,
	"outcome" "finding_outcome",
	"outcome_note" text
);
--> statement-breakpoint
CREATE TABLE "review_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" "review_record_type" NOT NULL,
	"record_id" bigint NOT NULL,
	"action" "review_action_kind" NOT NULL,
	"note" text,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"as_of" timestamp with time zone NOT NULL,
	"rules_version" text NOT NULL,
	"status" "publication_status" NOT NULL,
	"source_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cells_suppressed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"trigger" text DEFAULT 'cli' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_category_call_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."call_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel" ADD CONSTRAINT "personnel_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_aircraft" ADD CONSTRAINT "drone_aircraft_dock_id_drone_docks_id_fk" FOREIGN KEY ("dock_id") REFERENCES "public"."drone_docks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_docks" ADD CONSTRAINT "drone_docks_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_flights" ADD CONSTRAINT "drone_flights_category_call_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."call_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_flights" ADD CONSTRAINT "drone_flights_dock_id_drone_docks_id_fk" FOREIGN KEY ("dock_id") REFERENCES "public"."drone_docks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_flights" ADD CONSTRAINT "drone_flights_aircraft_id_drone_aircraft_id_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."drone_aircraft"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_flights" ADD CONSTRAINT "drone_flights_pilot_id_personnel_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drone_flights" ADD CONSTRAINT "drone_flights_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alpr_daily_counts" ADD CONSTRAINT "alpr_daily_counts_camera_id_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."cameras"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD CONSTRAINT "alpr_searches_personnel_id_personnel_id_fk" FOREIGN KEY ("personnel_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD CONSTRAINT "alpr_searches_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_access_events" ADD CONSTRAINT "camera_access_events_personnel_id_personnel_id_fk" FOREIGN KEY ("personnel_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_access_events" ADD CONSTRAINT "camera_access_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_access_events" ADD CONSTRAINT "camera_access_events_camera_id_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."cameras"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_access_events" ADD CONSTRAINT "camera_access_events_shared_with_agency_id_agencies_id_fk" FOREIGN KEY ("shared_with_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cso_activities" ADD CONSTRAINT "cso_activities_category_call_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."call_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cso_activities" ADD CONSTRAINT "cso_activities_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cso_activities" ADD CONSTRAINT "cso_activities_officer_id_personnel_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."personnel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_items" ADD CONSTRAINT "budget_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_votes" ADD CONSTRAINT "council_votes_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_votes" ADD CONSTRAINT "council_votes_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_targets" ADD CONSTRAINT "metric_targets_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_updates" ADD CONSTRAINT "program_updates_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_updates" ADD CONSTRAINT "program_updates_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_actions" ADD CONSTRAINT "review_actions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "personnel_agency_name_key" ON "personnel" USING btree ("agency_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "drone_flights_source_external" ON "drone_flights" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "drone_flights_launched" ON "drone_flights" USING btree ("launched_at");--> statement-breakpoint
CREATE INDEX "drone_flights_category_launched" ON "drone_flights" USING btree ("category","launched_at");--> statement-breakpoint
CREATE INDEX "drone_flights_area_launched" ON "drone_flights" USING btree ("area_id","launched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alpr_daily_camera_day" ON "alpr_daily_counts" USING btree ("camera_id","day");--> statement-breakpoint
CREATE INDEX "alpr_daily_day" ON "alpr_daily_counts" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "alpr_searches_source_external" ON "alpr_searches" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "alpr_searches_searched" ON "alpr_searches" USING btree ("searched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_access_source_external" ON "camera_access_events" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "camera_access_started" ON "camera_access_events" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "camera_access_personnel_started" ON "camera_access_events" USING btree ("personnel_id","started_at");--> statement-breakpoint
CREATE INDEX "camera_access_camera_started" ON "camera_access_events" USING btree ("camera_id","started_at");--> statement-breakpoint
CREATE INDEX "cameras_area" ON "cameras" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cso_source_external" ON "cso_activities" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "cso_received" ON "cso_activities" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "cso_category_received" ON "cso_activities" USING btree ("category","received_at");--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "user_sessions_user" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "feedback_status" ON "feedback" USING btree ("status","program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_slug_version" ON "policy_versions" USING btree ("policy_slug","version");--> statement-breakpoint
CREATE INDEX "program_updates_publish" ON "program_updates" USING btree ("status","publish_at");--> statement-breakpoint
CREATE UNIQUE INDEX "anomaly_flags_record_rule" ON "anomaly_flags" USING btree ("record_type","record_id","rule");--> statement-breakpoint
CREATE INDEX "anomaly_flags_occurred" ON "anomaly_flags" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "findings_status_type" ON "findings" USING btree ("status","finding_type");--> statement-breakpoint
CREATE INDEX "review_actions_record" ON "review_actions" USING btree ("record_type","record_id");