-- A flight's recorded path as publication reads it: lon, lat, lon, lat… as big-endian float8
-- (float8send), in the order of the GeoJSON coordinates. A point that is not two numbers becomes
-- NaN, NaN, which publication drops as it always dropped such points; no coordinates array, no bytes.
-- Derived by the database, so every writer (imports, the seed, a hand-written fix) keeps it in step.
CREATE FUNCTION daylight_path_xy(path jsonb) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(
           CASE WHEN jsonb_typeof(p -> 0) = 'number' AND jsonb_typeof(p -> 1) = 'number'
                THEN float8send((p -> 0)::float8) || float8send((p -> 1)::float8)
                ELSE '\x7ff80000000000007ff8000000000000'::bytea END,
           ''::bytea ORDER BY i)
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(path -> 'coordinates') = 'array' THEN path -> 'coordinates' END) WITH ORDINALITY AS t(p, i)
$$;
--> statement-breakpoint
ALTER TABLE "drone_flights" ADD COLUMN "path_xy" "bytea" GENERATED ALWAYS AS (daylight_path_xy(path)) STORED;
