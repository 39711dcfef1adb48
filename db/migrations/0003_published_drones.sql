CREATE TABLE "pub_datasets" (
	"dataset" text PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"delay_hours" integer NOT NULL,
	"rules_version" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pub_drone_breakdowns" (
	"breakdown" text NOT NULL,
	"period" text NOT NULL,
	"key" text NOT NULL,
	"key2" text DEFAULT '' NOT NULL,
	"label" text NOT NULL,
	"count" integer,
	"suppressed" boolean NOT NULL,
	"value" real,
	"ord" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pub_drone_breakdowns_breakdown_period_key_key2_pk" PRIMARY KEY("breakdown","period","key","key2")
);
--> statement-breakpoint
CREATE TABLE "pub_drone_cells" (
	"period" text NOT NULL,
	"cell" text NOT NULL,
	"res" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "pub_drone_cells_period_cell_pk" PRIMARY KEY("period","cell")
);
--> statement-breakpoint
CREATE TABLE "pub_drone_metrics" (
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"value" real,
	"n" integer,
	"suppressed" boolean NOT NULL,
	"period_start" date,
	"period_end" date,
	CONSTRAINT "pub_drone_metrics_period_metric_pk" PRIMARY KEY("period","metric")
);
--> statement-breakpoint
CREATE TABLE "pub_finding_counts" (
	"finding_type" text NOT NULL,
	"status" text NOT NULL,
	"count" integer,
	"suppressed" boolean NOT NULL,
	CONSTRAINT "pub_finding_counts_finding_type_status_pk" PRIMARY KEY("finding_type","status")
);
--> statement-breakpoint
CREATE TABLE "pub_flights" (
	"public_id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"time_precision" text NOT NULL,
	"local_date" date NOT NULL,
	"week_start" date NOT NULL,
	"local_hour" smallint,
	"category" text NOT NULL,
	"category_label" text NOT NULL,
	"sensitive" boolean NOT NULL,
	"area_slug" text,
	"area_name" text,
	"h3_cell" text,
	"h3_res" smallint,
	"dock_slug" text,
	"dock_name" text,
	"dock_site" text,
	"duration_min" integer NOT NULL,
	"time_to_scene_min" real,
	"outcome" text,
	"first_on_scene" boolean,
	"linked_to_call" boolean NOT NULL,
	"path" jsonb
);
--> statement-breakpoint
CREATE INDEX "pub_flights_started" ON "pub_flights" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "pub_flights_category_started" ON "pub_flights" USING btree ("category","started_at");--> statement-breakpoint
CREATE INDEX "pub_flights_area_started" ON "pub_flights" USING btree ("area_slug","started_at");--> statement-breakpoint
CREATE INDEX "pub_flights_outcome_started" ON "pub_flights" USING btree ("outcome","started_at");--> statement-breakpoint
CREATE INDEX "pub_flights_h3" ON "pub_flights" USING btree ("h3_cell");