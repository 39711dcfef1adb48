// The city is configuration, not code: one validated JSON file (DAYLIGHT_CITY_CONFIG),
// with the demo city as the default.
import { localDate } from "../time";
import { env } from "../env";
import { BUDGET_STATUSES, PROGRAM_SLUGS, ROLLOUT_STATUSES } from "../vocab";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const dateOrRelative = /^(\d{4}-\d{2}-\d{2}|-\d{1,5}d)$/;

const point = { lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) };

const areaFeature = z.object({
  type: z.literal("Feature"),
  properties: z.object({
    slug: z.string().regex(/^[a-z0-9-]+$/, "area slug must be lower-case letters, digits and dashes"),
    name: z.string().min(1),
    population: z.number().int().nonnegative(),
  }),
  geometry: z.object({
    type: z.enum(["Polygon", "MultiPolygon"]),
    coordinates: z.array(z.any()).min(1),
  }),
});

export const cityConfigSchema = z
  .object({
    name: z.string().min(1),
    shortName: z.string().min(1),
    timeZone: z.string().refine(isValidTimeZone, "timeZone must be an IANA time zone such as America/Los_Angeles"),
    lawEnforcementAgency: z.string().min(1),
    areaKind: z.enum(["neighborhood", "division"]),
    areasFile: z.string().min(1),
    mapCenter: z.object({ ...point, zoom: z.number().min(1).max(20) }),
    region: z.object({ west: z.number(), south: z.number(), east: z.number(), north: z.number() }),
    /**
     * Pilot launch and the start of the pre-pilot baseline: a date (YYYY-MM-DD), or for a demo
     * city "-365d" = that many days before today (DAYLIGHT_TODAY overrides today), so demo data
     * always reaches the present.
     */
    pilot: z.object({
      start: z.string().regex(dateOrRelative, "pilot.start must be YYYY-MM-DD or -<days>d"),
      baselineStart: z.string().regex(dateOrRelative, "pilot.baselineStart must be YYYY-MM-DD or -<days>d"),
    }),
    docks: z.array(z.object({ slug: z.string(), name: z.string(), site: z.string(), ...point })).min(1),
    sensitiveSites: z.array(z.object({ name: z.string(), kind: z.string(), ...point, radiusM: z.number().positive() })),
    mapTileUrl: z.string().url().nullable().default(null),
    /** Optional GeoJSON of street centerlines (LineString features with a name) drawn under the data. */
    streetsFile: z.string().min(1).optional(),
    /** Optional GeoJSON of named points (addresses, intersections) for the address lookup. */
    addressPointsFile: z.string().min(1).optional(),
    /**
     * Optional: share of each area's residents in each demographic group (0..1), with the source.
     * The annual surveillance report's civil-rights section uses it for activity per 1,000 residents by group.
     */
    /**
     * Optional, demo data only: budget lines the demo seed adds for this city (e.g. a state grant
     * and what it buys), shown on /costs with approved vs spent like any staff-entered line.
     */
    demoBudget: z
      .array(
        z.object({
          program: z.enum(PROGRAM_SLUGS).nullable().default(null),
          name: z.string().min(1),
          description: z.string().default(""),
          approvedUsd: z.number().nonnegative(),
          spentUsd: z.number().nonnegative().nullable().default(null),
          fundingSource: z.string().min(1),
          status: z.enum(BUDGET_STATUSES),
          /** The pilot's fiscal year, or the next one. */
          year: z.enum(["pilot", "next"]).default("pilot"),
          note: z.string().optional(),
        }),
      )
      .default([]),
    /**
     * Optional, demo data only: a program's rollout the demo seed records as council decisions, one
     * per area (e.g. a crime center per division: the first ones live, some approved, the rest
     * planned). Days count from the pilot's start; "areas": "rest" means every area not named before.
     */
    demoRollout: z
      .object({
        program: z.enum(PROGRAM_SLUGS),
        decisions: z
          .array(
            z.object({
              status: z.enum(ROLLOUT_STATUSES),
              areas: z.union([z.array(z.string().min(1)).min(1), z.literal("rest")]),
              decidedDay: z.number().int(),
              /** Day it went (or is to go) live; consecutive areas follow every liveEveryDays. */
              liveDay: z.number().int().nullable().default(null),
              liveEveryDays: z.number().int().nonnegative().default(0),
              reason: z.string().min(1),
              motion: z.string().min(1),
              vote: z.tuple([
                z.number().int().nonnegative(),
                z.number().int().nonnegative(),
                z.number().int().nonnegative(),
              ]),
            }),
          )
          .min(1),
      })
      .optional(),
    demographics: z
      .object({
        source: z.string().min(1),
        groups: z.record(z.string(), z.string().min(1)),
        areas: z.record(z.string(), z.record(z.string(), z.number().min(0).max(1))),
      })
      .optional(),
  })
  .refine((c) => c.region.west < c.region.east && c.region.south < c.region.north, {
    message: "region must have west < east and south < north",
    path: ["region"],
  });

export type Street = { name: string; coordinates: [number, number][] };
export type AddressPoint = { name: string; lat: number; lon: number };
export type CityConfig = z.infer<typeof cityConfigSchema> & {
  areas: AreaFeature[];
  streets: Street[];
  addressPoints: AddressPoint[];
};

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const streetsSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      properties: z.object({ name: z.string().min(1) }),
      geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(lonLat).min(2) }),
    }),
  ),
});
const addressesSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      properties: z.object({ name: z.string().min(1).max(120) }),
      geometry: z.object({ type: z.literal("Point"), coordinates: lonLat }),
    }),
  ),
});

/** A GeoJSON file named by the config, next to it or relative to the working directory. */
function readGeo<T>(configAbs: string, rel: string, schema: z.ZodType<T>, what: string): T {
  const beside = path.resolve(/*turbopackIgnore: true*/ path.dirname(configAbs), "..", rel);
  const abs = safeExists(beside) ? beside : path.resolve(/*turbopackIgnore: true*/ process.cwd(), rel);
  const r = schema.safeParse(readJson(abs));
  if (!r.success) {
    const issues = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`${what} ${rel} is invalid:\n${issues}`);
  }
  return r.data;
}
export type AreaFeature = z.infer<typeof areaFeature>;

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads and validates a city file; errors name the file and the field. They are the operator's to fix:
 * plain Errors, which the CLI prints and the app logs (a resident sees only the generic message).
 */
export function loadCityConfig(file = env().DAYLIGHT_CITY_CONFIG): CityConfig {
  const abs = path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
  const parsed = cityConfigSchema.safeParse(readJson(abs));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`City config ${file} is invalid:\n${issues}`);
  }
  const areasAbs = path.resolve(/*turbopackIgnore: true*/ path.dirname(abs), "..", parsed.data.areasFile);
  const areasPath = safeExists(areasAbs)
    ? areasAbs
    : path.resolve(/*turbopackIgnore: true*/ process.cwd(), parsed.data.areasFile);
  const fc = z
    .object({ type: z.literal("FeatureCollection"), features: z.array(areaFeature).min(1) })
    .safeParse(readJson(areasPath));
  if (!fc.success) {
    const issues = fc.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Areas file ${parsed.data.areasFile} is invalid:\n${issues}`);
  }
  const today = env().DAYLIGHT_TODAY ?? localDate(new Date(), parsed.data.timeZone);
  const pilot = {
    start: resolveDate(parsed.data.pilot.start, today),
    baselineStart: resolveDate(parsed.data.pilot.baselineStart, today),
  };
  if (pilot.baselineStart > pilot.start)
    throw new Error(`City config ${file}: pilot.baselineStart must not be after pilot.start`);
  const streets = parsed.data.streetsFile
    ? readGeo(abs, parsed.data.streetsFile, streetsSchema, "Streets file").features.map((f) => ({
        name: f.properties.name,
        coordinates: f.geometry.coordinates,
      }))
    : [];
  const addressPoints = parsed.data.addressPointsFile
    ? readGeo(abs, parsed.data.addressPointsFile, addressesSchema, "Address points file").features.map((f) => ({
        name: f.properties.name,
        lat: f.geometry.coordinates[1],
        lon: f.geometry.coordinates[0],
      }))
    : [];
  return { ...parsed.data, pilot, areas: fc.data.features, streets, addressPoints };
}

/** "-365d" → the date that many days before `today`; a plain date stays as it is. */
export function resolveDate(value: string, today: string): string {
  const m = /^-(\d+)d$/.exec(value);
  if (!m) return value;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - Number(m[1]));
  return d.toISOString().slice(0, 10);
}

// Still imported from here by app/api/v1/reports (another session is moving app/api); new code imports lib/time.
export { localDate };

let cached: CityConfig | undefined;
/** The configured city, read once per process. */
export function city(): CityConfig {
  cached ??= loadCityConfig();
  return cached;
}

/** True when a point lies inside the city's configured region (imports reject points outside it). */
export function inRegion(c: Pick<CityConfig, "region">, lat: number, lon: number): boolean {
  const r = c.region;
  return lat >= r.south && lat <= r.north && lon >= r.west && lon <= r.east;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`Cannot read ${file}: the file does not exist or is not readable`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function safeExists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
