CREATE TABLE "publish_part_annual_counts" (
	"source" text NOT NULL,
	"local_date" date NOT NULL,
	"part" text NOT NULL,
	"key" text,
	"label" text,
	"wc" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "publish_part_annual_counts_date" ON "publish_part_annual_counts" USING btree ("local_date");