CREATE TABLE "feedback_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"feedback_id" integer NOT NULL,
	"status" "feedback_status" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_status_changes" ADD CONSTRAINT "feedback_status_changes_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_status_changes_feedback" ON "feedback_status_changes" USING btree ("feedback_id","at");--> statement-breakpoint
-- Append-only: a recorded status change is never rewritten (rows go only with their message).
CREATE OR REPLACE FUNCTION feedback_status_changes_reject_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'feedback_status_changes is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER feedback_status_changes_append_only BEFORE UPDATE ON feedback_status_changes
  FOR EACH ROW EXECUTE FUNCTION feedback_status_changes_reject_update();
