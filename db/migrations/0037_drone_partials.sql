CREATE TABLE "publish_part_drones_cells" (
	"local_date" date NOT NULL,
	"fine" text NOT NULL,
	"coarse" text NOT NULL,
	"sensitive" boolean NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_drones_cells_pk" PRIMARY KEY("local_date","fine","coarse","sensitive")
);
--> statement-breakpoint
CREATE TABLE "publish_part_drones_counts" (
	"local_date" date NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_drones_counts_pk" PRIMARY KEY("local_date","dim","key")
);
--> statement-breakpoint
CREATE TABLE "publish_part_drones_tts" (
	"local_date" date NOT NULL,
	"category" text NOT NULL,
	"tts" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "publish_part_drones_tts_pk" PRIMARY KEY("local_date","category","tts")
);
