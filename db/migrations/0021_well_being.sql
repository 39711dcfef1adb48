CREATE TYPE "public"."strategy_phase" AS ENUM('strategy_development', 'community_engagement', 'implementation');--> statement-breakpoint
CREATE TABLE "engagement_themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_area" "service_area",
	"theme" text NOT NULL,
	"comments" integer NOT NULL,
	"summary" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_themes_theme_unique" UNIQUE("theme"),
	CONSTRAINT "engagement_comments_nonneg" CHECK ("engagement_themes"."comments" >= 0)
);
--> statement-breakpoint
CREATE TABLE "strategy_phases" (
	"phase" "strategy_phase" PRIMARY KEY NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"summary" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_phase_dates" CHECK ("strategy_phases"."ends_on" is null or "strategy_phases"."ends_on" >= "strategy_phases"."starts_on")
);
