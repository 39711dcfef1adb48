CREATE TABLE "feedback_context" (
	"feedback_id" integer PRIMARY KEY NOT NULL,
	"area_id" integer,
	"theme_id" integer
);
--> statement-breakpoint
ALTER TABLE "feedback_context" ADD CONSTRAINT "feedback_context_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_context" ADD CONSTRAINT "feedback_context_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_context" ADD CONSTRAINT "feedback_context_theme_id_engagement_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."engagement_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_context_area" ON "feedback_context" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "feedback_context_theme" ON "feedback_context" USING btree ("theme_id");