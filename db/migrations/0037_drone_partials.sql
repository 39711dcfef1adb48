CREATE TABLE "pub_part_drones_cells" (
	"local_date" date NOT NULL,
	"fine" text NOT NULL,
	"coarse" text NOT NULL,
	"sensitive" boolean NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "pub_part_drones_cells_local_date_fine_coarse_sensitive_pk" PRIMARY KEY("local_date","fine","coarse","sensitive")
);
--> statement-breakpoint
CREATE TABLE "pub_part_drones_counts" (
	"local_date" date NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "pub_part_drones_counts_local_date_dim_key_pk" PRIMARY KEY("local_date","dim","key")
);
--> statement-breakpoint
CREATE TABLE "pub_part_drones_tts" (
	"local_date" date NOT NULL,
	"category" text NOT NULL,
	"tts" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "pub_part_drones_tts_local_date_category_tts_pk" PRIMARY KEY("local_date","category","tts")
);
