ALTER TYPE "public"."finding_status" ADD VALUE 'assigned' BEFORE 'closed';--> statement-breakpoint
ALTER TYPE "public"."finding_status" ADD VALUE 'explanation_requested' BEFORE 'closed';--> statement-breakpoint
ALTER TYPE "public"."finding_status" ADD VALUE 'explanation_received' BEFORE 'closed';--> statement-breakpoint
CREATE TABLE "finding_records" (
	"finding_id" bigint NOT NULL,
	"record_type" "review_record_type" NOT NULL,
	"record_id" bigint NOT NULL,
	"added_by" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_records_finding_id_record_type_record_id_pk" PRIMARY KEY("finding_id","record_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "pub_finding_records" (
	"number" integer NOT NULL,
	"record_type" text NOT NULL,
	"public_id" text NOT NULL,
	CONSTRAINT "pub_finding_records_number_record_type_public_id_pk" PRIMARY KEY("number","record_type","public_id")
);
--> statement-breakpoint
CREATE TABLE "pub_findings" (
	"number" integer PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"programs" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"closed_on" date NOT NULL,
	"records" integer NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "findings" ALTER COLUMN "outcome" SET DATA TYPE text;--> statement-breakpoint
UPDATE "findings" SET "outcome" = CASE "outcome" WHEN 'policy_violation' THEN 'policy_violation_training' WHEN 'training_required' THEN 'policy_violation_training' WHEN 'referred_for_discipline' THEN 'policy_violation_discipline' WHEN 'data_error' THEN 'data_quality' ELSE "outcome" END;--> statement-breakpoint
DROP TYPE "public"."finding_outcome";--> statement-breakpoint
CREATE TYPE "public"."finding_outcome" AS ENUM('no_violation', 'policy_violation_training', 'policy_violation_discipline', 'data_quality', 'policy_change_recommended');--> statement-breakpoint
ALTER TABLE "findings" ALTER COLUMN "outcome" SET DATA TYPE "public"."finding_outcome" USING "outcome"::"public"."finding_outcome";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "assigned_to" integer;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "explanation_request" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "explanation_due_on" date;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "explanation_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "explanation" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "explanation_received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "finding_records" ADD CONSTRAINT "finding_records_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_records" ADD CONSTRAINT "finding_records_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_records_record" ON "finding_records" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "pub_finding_records_id" ON "pub_finding_records" USING btree ("public_id");--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "finding_records" ("finding_id", "record_type", "record_id", "added_by", "added_at") SELECT "id", "record_type", "record_id", "opened_by", "opened_at" FROM "findings" ON CONFLICT DO NOTHING;
