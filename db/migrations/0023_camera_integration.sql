ALTER TABLE "cameras" ADD COLUMN "integrated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cameras" ADD COLUMN "integrated_on" date;--> statement-breakpoint
ALTER TABLE "cameras" ADD COLUMN "integration_agreement" text;--> statement-breakpoint
ALTER TABLE "pub_cameras" ADD COLUMN "integrated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_cameras" ADD COLUMN "integrated_on" date;--> statement-breakpoint
ALTER TABLE "pub_cameras" ADD COLUMN "integration_agreement" text;--> statement-breakpoint
-- Police cameras are viewed from the watch center, and a private camera is in the inventory only
-- because it was registered and connected: both were integrated before the column existed.
UPDATE "cameras" SET "integrated" = true, "integrated_on" = "installed_at" WHERE "network" = 'police' OR "owner" = 'private';
