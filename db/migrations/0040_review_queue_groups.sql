CREATE TABLE "review_queue_groups" (
	"personnel_id" integer,
	"agency_id" integer,
	"record_type" "review_record_type" NOT NULL,
	"operation" text NOT NULL,
	"rules" text[] NOT NULL,
	"state" text,
	"n" integer NOT NULL,
	"score" double precision NOT NULL,
	"first" timestamp with time zone NOT NULL,
	"last" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "review_queue_groups_person" ON "review_queue_groups" USING btree ("personnel_id");--> statement-breakpoint
-- A database that already has its queue gets its groups now, not at its next flag recompute.
INSERT INTO "review_queue_groups" ("personnel_id", "agency_id", "record_type", "operation", "rules", "state", "n", "score", "first", "last")
SELECT "personnel_id", "agency_id", "record_type", "operation", "rules", "state", count(*)::int, sum("score"), min("occurred_at"), max("occurred_at")
FROM "review_queue" GROUP BY 1, 2, 3, 4, 5, 6;
