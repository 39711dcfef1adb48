CREATE TABLE "publish_part_alpr_searches" (
	"scan" text NOT NULL,
	"local_date" date NOT NULL,
	"keys" text[] NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publish_part_camera_accesses" (
	"scan" text NOT NULL,
	"local_date" date NOT NULL,
	"keys" text[] NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "publish_part_alpr_searches_date" ON "publish_part_alpr_searches" USING btree ("local_date");--> statement-breakpoint
CREATE INDEX "publish_part_camera_accesses_date" ON "publish_part_camera_accesses" USING btree ("local_date");