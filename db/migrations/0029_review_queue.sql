CREATE TABLE "review_queue" (
	"record_type" "review_record_type" NOT NULL,
	"record_id" bigint NOT NULL,
	"personnel_id" integer,
	"agency_id" integer,
	"camera_id" integer,
	"operation" text NOT NULL,
	"rules" text[] NOT NULL,
	"score" double precision NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"state" text,
	CONSTRAINT "review_queue_record_type_record_id_pk" PRIMARY KEY("record_type","record_id")
);
--> statement-breakpoint
CREATE INDEX "review_queue_score" ON "review_queue" USING btree ("score" DESC NULLS FIRST,"occurred_at" DESC NULLS FIRST,"record_type","record_id");--> statement-breakpoint
CREATE INDEX "review_queue_occurred" ON "review_queue" USING btree ("occurred_at" DESC NULLS FIRST,"record_type","record_id");--> statement-breakpoint
CREATE INDEX "review_queue_person" ON "review_queue" USING btree ("personnel_id","score");--> statement-breakpoint
CREATE INDEX "review_queue_agency" ON "review_queue" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "review_queue_camera" ON "review_queue" USING btree ("camera_id");--> statement-breakpoint
CREATE INDEX "review_queue_state" ON "review_queue" USING btree ("state");--> statement-breakpoint
CREATE INDEX "review_queue_rules" ON "review_queue" USING gin ("rules");