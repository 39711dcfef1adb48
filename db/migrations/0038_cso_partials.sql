CREATE TABLE "publish_part_cso_baseline" (
	"key" text PRIMARY KEY NOT NULL,
	"baseline" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publish_part_cso_cell_totals" (
	"fine" text NOT NULL,
	"coarse" text NOT NULL,
	"sensitive" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_cso_cell_totals_pk" PRIMARY KEY("fine","coarse","sensitive")
);
--> statement-breakpoint
CREATE TABLE "publish_part_cso_cells" (
	"local_date" date NOT NULL,
	"fine" text NOT NULL,
	"coarse" text NOT NULL,
	"sensitive" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_cso_cells_pk" PRIMARY KEY("local_date","fine","coarse","sensitive")
);
--> statement-breakpoint
CREATE TABLE "publish_part_cso_counts" (
	"local_date" date NOT NULL,
	"breakdown" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_cso_counts_pk" PRIMARY KEY("local_date","breakdown","key")
);
--> statement-breakpoint
CREATE TABLE "publish_part_cso_minute_totals" (
	"kind" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"tenths" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_cso_minute_totals_pk" PRIMARY KEY("kind","dim","key","tenths")
);
--> statement-breakpoint
CREATE TABLE "publish_part_cso_minutes" (
	"local_date" date NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"call_source" text NOT NULL,
	"tenths" integer NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publish_cso_baseline_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "publish_part_cso_minutes_date" ON "publish_part_cso_minutes" USING btree ("local_date");--> statement-breakpoint
-- The CSO baseline's change log: a row per statement that inserted, updated or deleted CSO rows of
-- baseline_responses (or emptied it), so that a publication recomputes the baseline only then.
CREATE FUNCTION "publish_log_cso_baseline"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched boolean := TG_OP = 'TRUNCATE';
BEGIN
  -- One IF per transition table: a statement naming one that the trigger lacks does not plan.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    touched := touched OR EXISTS (SELECT 1 FROM new_rows WHERE program = 'cso');
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    touched := touched OR EXISTS (SELECT 1 FROM old_rows WHERE program = 'cso');
  END IF;
  IF touched THEN
    INSERT INTO publish_cso_baseline_changes DEFAULT VALUES;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "baseline_cso_changes_ins" AFTER INSERT ON "baseline_responses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_cso_baseline();--> statement-breakpoint
CREATE TRIGGER "baseline_cso_changes_upd" AFTER UPDATE ON "baseline_responses" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_cso_baseline();--> statement-breakpoint
CREATE TRIGGER "baseline_cso_changes_del" AFTER DELETE ON "baseline_responses" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_cso_baseline();--> statement-breakpoint
CREATE TRIGGER "baseline_cso_changes_trunc" AFTER TRUNCATE ON "baseline_responses" FOR EACH STATEMENT EXECUTE FUNCTION publish_log_cso_baseline();
