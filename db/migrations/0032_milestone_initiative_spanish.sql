ALTER TABLE "initiatives" ADD COLUMN "name_es" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "description_es" text;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "title_es" text;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "note_es" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiative_spanish_whole" CHECK (("initiatives"."name_es" is null and "initiatives"."description_es" is null) or ("initiatives"."name_es" is not null and ("initiatives"."description_es" is null) = ("initiatives"."description" = '')));--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestone_spanish_whole" CHECK (("milestones"."title_es" is null and "milestones"."note_es" is null) or ("milestones"."title_es" is not null and ("milestones"."note_es" is null) = ("milestones"."note" is null)));