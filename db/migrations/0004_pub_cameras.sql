CREATE TABLE "pub_alpr_searches" (
	"public_id" text PRIMARY KEY NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"week_start" date NOT NULL,
	"user_pseudonym" text NOT NULL,
	"user_role" text NOT NULL,
	"agency" text NOT NULL,
	"reason" text NOT NULL,
	"offense_type" text NOT NULL,
	"linked_to_case" boolean NOT NULL,
	"network_count" integer NOT NULL,
	"networks" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pub_camera_accesses" (
	"public_id" text PRIMARY KEY NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"week_start" date NOT NULL,
	"camera_public_id" text,
	"place" text NOT NULL,
	"owner_class" text NOT NULL,
	"area_slug" text,
	"user_pseudonym" text NOT NULL,
	"user_role" text NOT NULL,
	"agency" text NOT NULL,
	"operation" text NOT NULL,
	"reason" text NOT NULL,
	"linked_to_case" boolean NOT NULL,
	"shared_with" text
);
--> statement-breakpoint
CREATE TABLE "pub_camera_breakdowns" (
	"dataset" text NOT NULL,
	"breakdown" text NOT NULL,
	"period" text NOT NULL,
	"key" text NOT NULL,
	"key2" text DEFAULT '' NOT NULL,
	"label" text NOT NULL,
	"label2" text DEFAULT '' NOT NULL,
	"count" integer,
	"suppressed" boolean NOT NULL,
	"value" real,
	"ord" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pub_camera_breakdowns_dataset_breakdown_period_key_key2_pk" PRIMARY KEY("dataset","breakdown","period","key","key2")
);
--> statement-breakpoint
CREATE TABLE "pub_camera_metrics" (
	"dataset" text NOT NULL,
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"value" real,
	"n" integer,
	"suppressed" boolean NOT NULL,
	"period_start" date,
	"period_end" date,
	CONSTRAINT "pub_camera_metrics_dataset_period_metric_pk" PRIMARY KEY("dataset","period","metric")
);
--> statement-breakpoint
CREATE TABLE "pub_cameras" (
	"public_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"owner" text NOT NULL,
	"owner_agency" text,
	"network" text NOT NULL,
	"site_name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"area_slug" text,
	"area_name" text,
	"status" text NOT NULL,
	"installed_on" date,
	"retention_days" integer
);
--> statement-breakpoint
CREATE TABLE "pub_private_camera_counts" (
	"area_slug" text PRIMARY KEY NOT NULL,
	"area_name" text NOT NULL,
	"count" integer,
	"suppressed" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pub_sharing_agreements" (
	"id" integer PRIMARY KEY NOT NULL,
	"agency" text NOT NULL,
	"program" text NOT NULL,
	"direction" text NOT NULL,
	"data_shared" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date
);
--> statement-breakpoint
CREATE INDEX "pub_alpr_s_hour" ON "pub_alpr_searches" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "pub_alpr_s_reason_hour" ON "pub_alpr_searches" USING btree ("reason","hour");--> statement-breakpoint
CREATE INDEX "pub_alpr_s_offense_hour" ON "pub_alpr_searches" USING btree ("offense_type","hour");--> statement-breakpoint
CREATE INDEX "pub_alpr_s_agency_hour" ON "pub_alpr_searches" USING btree ("agency","hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_hour" ON "pub_camera_accesses" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_op_hour" ON "pub_camera_accesses" USING btree ("operation","hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_reason_hour" ON "pub_camera_accesses" USING btree ("reason","hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_agency_hour" ON "pub_camera_accesses" USING btree ("agency","hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_place_hour" ON "pub_camera_accesses" USING btree ("place","hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_case_hour" ON "pub_camera_accesses" USING btree ("linked_to_case","hour");--> statement-breakpoint
CREATE INDEX "pub_cam_acc_user" ON "pub_camera_accesses" USING btree ("user_pseudonym");