CREATE TABLE "pub_breakdowns" (
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
	CONSTRAINT "pub_breakdowns_dataset_breakdown_period_key_key2_pk" PRIMARY KEY("dataset","breakdown","period","key","key2"),
	CONSTRAINT "pub_breakdowns_dataset" CHECK ("pub_breakdowns"."dataset" in ('drones', 'cameras', 'alpr', 'cso'))
);
--> statement-breakpoint
CREATE TABLE "pub_cells" (
	"dataset" text NOT NULL,
	"period" text NOT NULL,
	"cell" text NOT NULL,
	"res" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "pub_cells_dataset_period_cell_pk" PRIMARY KEY("dataset","period","cell"),
	CONSTRAINT "pub_cells_dataset" CHECK ("pub_cells"."dataset" in ('drones', 'cameras', 'alpr', 'cso'))
);
--> statement-breakpoint
CREATE TABLE "pub_metrics" (
	"dataset" text NOT NULL,
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"value" real,
	"n" integer,
	"suppressed" boolean NOT NULL,
	"period_start" date,
	"period_end" date,
	CONSTRAINT "pub_metrics_dataset_period_metric_pk" PRIMARY KEY("dataset","period","metric"),
	CONSTRAINT "pub_metrics_dataset" CHECK ("pub_metrics"."dataset" in ('drones', 'cameras', 'alpr', 'cso'))
);
--> statement-breakpoint
-- The rollups already published move into the shared tables (the next migration drops the old ones).
INSERT INTO "pub_breakdowns" ("dataset", "breakdown", "period", "key", "key2", "label", "label2", "count", "suppressed", "value", "ord")
SELECT 'drones', "breakdown", "period", "key", "key2", "label", '', "count", "suppressed", "value", "ord" FROM "pub_drone_breakdowns"
UNION ALL SELECT 'cso', "breakdown", "period", "key", "key2", "label", '', "count", "suppressed", "value", "ord" FROM "pub_cso_breakdowns"
UNION ALL SELECT "dataset", "breakdown", "period", "key", "key2", "label", "label2", "count", "suppressed", "value", "ord" FROM "pub_camera_breakdowns";
--> statement-breakpoint
INSERT INTO "pub_metrics" ("dataset", "period", "metric", "value", "n", "suppressed", "period_start", "period_end")
SELECT 'drones', "period", "metric", "value", "n", "suppressed", "period_start", "period_end" FROM "pub_drone_metrics"
UNION ALL SELECT 'cso', "period", "metric", "value", "n", "suppressed", "period_start", "period_end" FROM "pub_cso_metrics"
UNION ALL SELECT "dataset", "period", "metric", "value", "n", "suppressed", "period_start", "period_end" FROM "pub_camera_metrics";
--> statement-breakpoint
INSERT INTO "pub_cells" ("dataset", "period", "cell", "res", "count")
SELECT 'drones', "period", "cell", "res", "count" FROM "pub_drone_cells"
UNION ALL SELECT 'cso', "period", "cell", "res", "count" FROM "pub_cso_cells";
