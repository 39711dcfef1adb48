CREATE TABLE "pub_cso_breakdowns" (
	"breakdown" text NOT NULL,
	"period" text NOT NULL,
	"key" text NOT NULL,
	"key2" text DEFAULT '' NOT NULL,
	"label" text NOT NULL,
	"count" integer,
	"suppressed" boolean NOT NULL,
	"value" real,
	"ord" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pub_cso_breakdowns_breakdown_period_key_key2_pk" PRIMARY KEY("breakdown","period","key","key2")
);
--> statement-breakpoint
CREATE TABLE "pub_cso_calls" (
	"public_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"time_precision" text NOT NULL,
	"local_date" date NOT NULL,
	"week_start" date NOT NULL,
	"local_hour" smallint,
	"category" text NOT NULL,
	"category_label" text NOT NULL,
	"sensitive" boolean NOT NULL,
	"call_source" text NOT NULL,
	"area_slug" text,
	"area_name" text,
	"h3_cell" text,
	"h3_res" smallint,
	"response_min" real,
	"clear_min" real,
	"outcome" text,
	"referrals" text[],
	"report_written" boolean NOT NULL,
	"fingerprints_collected" boolean NOT NULL,
	"dna_collected" boolean NOT NULL,
	"sworn_backup_requested" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pub_cso_cells" (
	"period" text NOT NULL,
	"cell" text NOT NULL,
	"res" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "pub_cso_cells_period_cell_pk" PRIMARY KEY("period","cell")
);
--> statement-breakpoint
CREATE TABLE "pub_cso_metrics" (
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"value" real,
	"n" integer,
	"suppressed" boolean NOT NULL,
	"period_start" date,
	"period_end" date,
	CONSTRAINT "pub_cso_metrics_period_metric_pk" PRIMARY KEY("period","metric")
);
--> statement-breakpoint
CREATE INDEX "pub_cso_calls_received" ON "pub_cso_calls" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "pub_cso_calls_category_received" ON "pub_cso_calls" USING btree ("category","received_at");