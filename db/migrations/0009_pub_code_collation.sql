-- Identifier and code columns of the large published row tables compare byte by byte (COLLATE "C").
-- They hold only ASCII ids, pseudonyms, codes and H3 cells, so the order is the one any locale
-- gives them, but sorting them no longer goes through the locale's strcoll: building the primary
-- keys and indexes at publication, and grouping the rollups, take about half the time.
-- Names and labels shown to people (place, agency, category_label, ...) keep the database's collation.
ALTER TABLE "pub_camera_accesses"
  ALTER COLUMN "public_id" TYPE text COLLATE "C",
  ALTER COLUMN "camera_public_id" TYPE text COLLATE "C",
  ALTER COLUMN "user_pseudonym" TYPE text COLLATE "C",
  ALTER COLUMN "user_role" TYPE text COLLATE "C",
  ALTER COLUMN "operation" TYPE text COLLATE "C",
  ALTER COLUMN "reason" TYPE text COLLATE "C",
  ALTER COLUMN "owner_class" TYPE text COLLATE "C",
  ALTER COLUMN "area_slug" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "pub_alpr_searches"
  ALTER COLUMN "public_id" TYPE text COLLATE "C",
  ALTER COLUMN "user_pseudonym" TYPE text COLLATE "C",
  ALTER COLUMN "user_role" TYPE text COLLATE "C",
  ALTER COLUMN "reason" TYPE text COLLATE "C",
  ALTER COLUMN "offense_type" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "pub_flights"
  ALTER COLUMN "public_id" TYPE text COLLATE "C",
  ALTER COLUMN "category" TYPE text COLLATE "C",
  ALTER COLUMN "area_slug" TYPE text COLLATE "C",
  ALTER COLUMN "outcome" TYPE text COLLATE "C",
  ALTER COLUMN "h3_cell" TYPE text COLLATE "C",
  ALTER COLUMN "dock_slug" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "pub_cso_calls"
  ALTER COLUMN "public_id" TYPE text COLLATE "C",
  ALTER COLUMN "category" TYPE text COLLATE "C",
  ALTER COLUMN "call_source" TYPE text COLLATE "C",
  ALTER COLUMN "area_slug" TYPE text COLLATE "C",
  ALTER COLUMN "outcome" TYPE text COLLATE "C",
  ALTER COLUMN "h3_cell" TYPE text COLLATE "C";
