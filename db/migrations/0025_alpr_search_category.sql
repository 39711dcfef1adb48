ALTER TABLE "alpr_searches" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "alpr_searches" ADD CONSTRAINT "alpr_searches_category_call_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."call_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alpr_searches_category" ON "alpr_searches" USING btree ("category");--> statement-breakpoint
WITH k AS (
  SELECT id, btrim(regexp_replace(lower(reason), '[[:space:]_]+', ' ', 'g')) AS key FROM "alpr_searches"
)
UPDATE "alpr_searches" s SET "category" = d.code
  FROM k
  JOIN LATERAL (
    SELECT c.code FROM "call_categories" c
     WHERE btrim(regexp_replace(lower(c.code), '[[:space:]_]+', ' ', 'g')) = k.key
        OR btrim(regexp_replace(lower(c.label), '[[:space:]_]+', ' ', 'g')) = k.key
    UNION ALL
    SELECT m.category FROM "call_type_mappings" m WHERE m.key = k.key
    LIMIT 1
  ) d ON true
 WHERE s.id = k.id;
