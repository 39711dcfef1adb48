CREATE TYPE "public"."records_request_outcome" AS ENUM('pending', 'fulfilled', 'partially_fulfilled', 'no_records', 'denied');--> statement-breakpoint
CREATE TYPE "public"."report_section" AS ENUM('summary', 'uses', 'sharing', 'complaints', 'audits', 'costs', 'effectiveness', 'records_requests', 'civil_rights');--> statement-breakpoint
CREATE TABLE "annual_report_narratives" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"section" "report_section" NOT NULL,
	"body" text NOT NULL,
	"updated_by_user_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"closed_on" date,
	"outcome" "records_request_outcome" DEFAULT 'pending' NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_request_dates" CHECK ("records_requests"."closed_on" is null or "records_requests"."closed_on" >= "records_requests"."received_on")
);
--> statement-breakpoint
CREATE TABLE "pub_annual_reports" (
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "pub_annual_reports_program_year_pk" PRIMARY KEY("program","year")
);
--> statement-breakpoint
ALTER TABLE "annual_report_narratives" ADD CONSTRAINT "annual_report_narratives_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_narratives" ADD CONSTRAINT "annual_report_narratives_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_requests" ADD CONSTRAINT "records_requests_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_requests" ADD CONSTRAINT "records_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_narratives_key" ON "annual_report_narratives" USING btree ("program_id","year","section");--> statement-breakpoint
CREATE INDEX "records_requests_received" ON "records_requests" USING btree ("received_on");