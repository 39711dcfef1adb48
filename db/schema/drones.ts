// Drone-as-first-responder: docks, aircraft and flights (raw, restricted).
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { areas, callCategories, personnel } from "./reference";
import { FLIGHT_OUTCOMES } from "../../lib/vocab";

export const flightOutcome = pgEnum("flight_outcome", FLIGHT_OUTCOMES);

export const droneDocks = pgTable("drone_docks", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The site as the city discloses it (building or intersection). */
  siteName: text("site_name").notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
  areaId: integer("area_id").references(() => areas.id),
  installedAt: timestamp("installed_at", { withTimezone: true }),
});

export const droneAircraft = pgTable("drone_aircraft", {
  id: serial("id").primaryKey(),
  dockId: integer("dock_id").references(() => droneDocks.id),
  model: text("model").notNull(),
  serialNumber: text("serial_number").notNull().unique(),
  status: text("status").notNull().default("active"),
});

export type LineString = { type: "LineString"; coordinates: [number, number][] };

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const droneFlights = pgTable(
  "drone_flights",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Where the record came from (e.g. "skydio", "sf-open-data", "daylight", "seed") and its id there. */
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    /** CAD / call-for-service number; null means no linked call (flagged for review). */
    callNumber: text("call_number"),
    callTypeRaw: text("call_type_raw"),
    category: text("category")
      .notNull()
      .references(() => callCategories.code),
    sensitive: boolean("sensitive").notNull().default(false),
    priority: smallint("priority"),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
    launchedAt: timestamp("launched_at", { withTimezone: true }).notNull(),
    /** "day" when the source gives only the date (launched_at is then local midnight): publish no hour. */
    launchPrecision: text("launch_precision").$type<"time" | "day">().notNull().default("time"),
    onSceneAt: timestamp("on_scene_at", { withTimezone: true }),
    landedAt: timestamp("landed_at", { withTimezone: true }).notNull(),
    dockId: integer("dock_id").references(() => droneDocks.id),
    aircraftId: integer("aircraft_id").references(() => droneAircraft.id),
    pilotId: integer("pilot_id").references(() => personnel.id),
    path: jsonb("path").$type<LineString>(),
    /**
     * The path's points as the database derives them from `path` (migration 0013): lon, lat, lon, lat…
     * as big-endian float8, NaN for a point that is not two numbers. Publication reads this instead of
     * the GeoJSON: at scale 100, turning 15 million points into JSON text and parsing it again took
     * about 12 CPU-seconds (see lib/publish/rules/path.ts, pointsOf).
     */
    pathXy: bytea("path_xy").generatedAlwaysAs(sql`daylight_path_xy(path)`),
    destLat: doublePrecision("dest_lat"),
    destLon: doublePrecision("dest_lon"),
    areaId: integer("area_id").references(() => areas.id),
    distanceFlownM: real("distance_flown_m"),
    outcome: flightOutcome("outcome").notNull().default("other"),
    firstOnScene: boolean("first_on_scene"),
    footageRetained: boolean("footage_retained").notNull().default(false),
    /** Free text from the vendor (never published). */
    description: text("description"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("drone_flights_source_external").on(t.source, t.externalId),
    index("drone_flights_launched").on(t.launchedAt),
    index("drone_flights_category_launched").on(t.category, t.launchedAt),
    index("drone_flights_area_launched").on(t.areaId, t.launchedAt),
    check("flight_landed_after_launch", sql`${t.landedAt} >= ${t.launchedAt}`),
    check("flight_launch_after_dispatch", sql`${t.dispatchedAt} is null or ${t.launchedAt} >= ${t.dispatchedAt}`),
    check(
      "flight_on_scene_in_flight",
      sql`${t.onSceneAt} is null or (${t.onSceneAt} >= ${t.launchedAt} and ${t.onSceneAt} <= ${t.landedAt})`,
    ),
    check("flight_distance_nonneg", sql`${t.distanceFlownM} is null or ${t.distanceFlownM} >= 0`),
    check("flight_priority_range", sql`${t.priority} is null or ${t.priority} between 1 and 5`),
  ],
);
