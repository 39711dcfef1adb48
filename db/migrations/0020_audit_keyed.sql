CREATE TABLE "audit_key_marker" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"keyed_from" bigint NOT NULL,
	"mac" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_checkpoints" DROP CONSTRAINT "audit_checkpoints_pkey";--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD COLUMN "id" serial PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD COLUMN "at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "audit_checkpoints" SET "at" = "created_at";--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD COLUMN "reason" text DEFAULT 'cli' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD COLUMN "mac" text;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_at" ON "audit_checkpoints" USING btree ("at");--> statement-breakpoint
-- The marker and the checkpoints are append-only too (the signatures catch an owner who disables this).
CREATE TRIGGER audit_key_marker_append_only BEFORE UPDATE OR DELETE ON audit_key_marker
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
