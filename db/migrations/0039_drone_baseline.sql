CREATE TABLE "publish_part_drones_baseline" (
	"key" text PRIMARY KEY NOT NULL,
	"baseline" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publish_drones_baseline_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The drones' baseline change log: a row per statement that inserted, updated or deleted drone rows
-- of baseline_responses (or emptied it), so that a publication recomputes the baseline only then.
CREATE FUNCTION "publish_log_drones_baseline"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched boolean := TG_OP = 'TRUNCATE';
BEGIN
  -- One IF per transition table: a statement naming one that the trigger lacks does not plan.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    touched := touched OR EXISTS (SELECT 1 FROM new_rows WHERE program = 'drones');
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    touched := touched OR EXISTS (SELECT 1 FROM old_rows WHERE program = 'drones');
  END IF;
  IF touched THEN
    INSERT INTO publish_drones_baseline_changes DEFAULT VALUES;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "baseline_drones_changes_ins" AFTER INSERT ON "baseline_responses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_drones_baseline();--> statement-breakpoint
CREATE TRIGGER "baseline_drones_changes_upd" AFTER UPDATE ON "baseline_responses" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_drones_baseline();--> statement-breakpoint
CREATE TRIGGER "baseline_drones_changes_del" AFTER DELETE ON "baseline_responses" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_drones_baseline();--> statement-breakpoint
CREATE TRIGGER "baseline_drones_changes_trunc" AFTER TRUNCATE ON "baseline_responses" FOR EACH STATEMENT EXECUTE FUNCTION publish_log_drones_baseline();
