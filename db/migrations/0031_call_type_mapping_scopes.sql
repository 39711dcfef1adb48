ALTER TABLE "call_type_mappings" ADD COLUMN "scope" text DEFAULT '*' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_type_mappings" DROP CONSTRAINT "call_type_mappings_pkey";--> statement-breakpoint
ALTER TABLE "call_type_mappings" ADD CONSTRAINT "call_type_mappings_scope_key_pk" PRIMARY KEY("scope","key");
