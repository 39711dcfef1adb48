CREATE TABLE "call_type_mappings" (
	"key" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"origin" text DEFAULT 'default' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cameras" ALTER COLUMN "lat" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cameras" ALTER COLUMN "lon" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD COLUMN "devices_searched" integer;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD COLUMN "window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD COLUMN "window_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD COLUMN "search_type" text;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD COLUMN "moderation" text;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD COLUMN "plate_hmac" text;--> statement-breakpoint
ALTER TABLE "call_type_mappings" ADD CONSTRAINT "call_type_mappings_category_call_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."call_categories"("code") ON DELETE no action ON UPDATE no action;