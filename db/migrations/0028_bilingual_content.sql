ALTER TABLE "policy_versions" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD COLUMN "summary_es" text;--> statement-breakpoint
ALTER TABLE "program_updates" ADD COLUMN "title_es" text;--> statement-breakpoint
ALTER TABLE "program_updates" ADD COLUMN "summary_es" text;--> statement-breakpoint
ALTER TABLE "program_updates" ADD COLUMN "body_markdown_es" text;--> statement-breakpoint
ALTER TABLE "program_updates" ADD CONSTRAINT "update_spanish_whole" CHECK (("program_updates"."title_es" is null) = ("program_updates"."body_markdown_es" is null));