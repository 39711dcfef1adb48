CREATE TABLE "pub_daily_counts" (
	"dataset" text NOT NULL,
	"metric" text NOT NULL,
	"local_date" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "pub_daily_counts_dataset_metric_local_date_pk" PRIMARY KEY("dataset","metric","local_date")
);
--> statement-breakpoint
CREATE TABLE "pub_daily_values" (
	"dataset" text NOT NULL,
	"metric" text NOT NULL,
	"local_date" date NOT NULL,
	"value" real NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "pub_daily_values_dataset_metric_local_date_value_pk" PRIMARY KEY("dataset","metric","local_date","value")
);
--> statement-breakpoint
CREATE TABLE "pub_monthly_values" (
	"dataset" text NOT NULL,
	"metric" text NOT NULL,
	"month" date NOT NULL,
	"value" real NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "pub_monthly_values_dataset_metric_month_value_pk" PRIMARY KEY("dataset","metric","month","value")
);
