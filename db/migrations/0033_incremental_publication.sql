CREATE TABLE "publish_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dataset" text NOT NULL,
	"hour" timestamp with time zone,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "publication_runs" ADD COLUMN "fingerprints" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_runs" ADD COLUMN "scopes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "publish_changes_dataset" ON "publish_changes" USING btree ("dataset","id");--> statement-breakpoint
-- The change log's triggers: one row per distinct event-time hour a statement touched, from its
-- transition tables (statement-level, so a million-row import adds a few thousand rows, not a million).
CREATE FUNCTION "publish_log_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO publish_changes (dataset, hour) VALUES (TG_ARGV[0], NULL);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO publish_changes (dataset, hour) SELECT DISTINCT %L, date_trunc(''hour'', %I) FROM new_rows', TG_ARGV[0], TG_ARGV[1]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('INSERT INTO publish_changes (dataset, hour) SELECT DISTINCT %L, date_trunc(''hour'', %I) FROM old_rows', TG_ARGV[0], TG_ARGV[1]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "drone_flights_changes_ins" AFTER INSERT ON "drone_flights" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('drones', 'launched_at');--> statement-breakpoint
CREATE TRIGGER "drone_flights_changes_upd" AFTER UPDATE ON "drone_flights" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('drones', 'launched_at');--> statement-breakpoint
CREATE TRIGGER "drone_flights_changes_del" AFTER DELETE ON "drone_flights" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('drones', 'launched_at');--> statement-breakpoint
CREATE TRIGGER "drone_flights_changes_trunc" AFTER TRUNCATE ON "drone_flights" FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('drones');--> statement-breakpoint
CREATE TRIGGER "camera_access_changes_ins" AFTER INSERT ON "camera_access_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cameras', 'started_at');--> statement-breakpoint
CREATE TRIGGER "camera_access_changes_upd" AFTER UPDATE ON "camera_access_events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cameras', 'started_at');--> statement-breakpoint
CREATE TRIGGER "camera_access_changes_del" AFTER DELETE ON "camera_access_events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cameras', 'started_at');--> statement-breakpoint
CREATE TRIGGER "camera_access_changes_trunc" AFTER TRUNCATE ON "camera_access_events" FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cameras');--> statement-breakpoint
CREATE TRIGGER "alpr_searches_changes_ins" AFTER INSERT ON "alpr_searches" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('alpr', 'searched_at');--> statement-breakpoint
CREATE TRIGGER "alpr_searches_changes_upd" AFTER UPDATE ON "alpr_searches" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('alpr', 'searched_at');--> statement-breakpoint
CREATE TRIGGER "alpr_searches_changes_del" AFTER DELETE ON "alpr_searches" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('alpr', 'searched_at');--> statement-breakpoint
CREATE TRIGGER "alpr_searches_changes_trunc" AFTER TRUNCATE ON "alpr_searches" FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('alpr');--> statement-breakpoint
CREATE TRIGGER "cso_activities_changes_ins" AFTER INSERT ON "cso_activities" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cso', 'received_at');--> statement-breakpoint
CREATE TRIGGER "cso_activities_changes_upd" AFTER UPDATE ON "cso_activities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cso', 'received_at');--> statement-breakpoint
CREATE TRIGGER "cso_activities_changes_del" AFTER DELETE ON "cso_activities" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cso', 'received_at');--> statement-breakpoint
CREATE TRIGGER "cso_activities_changes_trunc" AFTER TRUNCATE ON "cso_activities" FOR EACH STATEMENT EXECUTE FUNCTION publish_log_changes('cso');
