// Places, programs, agencies, personnel and vocabularies shared by every program.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { AGENCY_KINDS, AREA_KINDS, PERSONNEL_ROLES, PROGRAM_SLUGS, PROGRAM_STATUSES } from "../../lib/vocab";
import type { MappingScope } from "../../lib/ingest/call-type-map";

export const areaKind = pgEnum("area_kind", AREA_KINDS);
export const programSlug = pgEnum("program_slug", PROGRAM_SLUGS);
export const programStatus = pgEnum("program_status", PROGRAM_STATUSES);
export const agencyKind = pgEnum("agency_kind", AGENCY_KINDS);

export const areas = pgTable(
  "areas",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: areaKind("kind").notNull().default("neighborhood"),
    population: integer("population").notNull(),
    /** GeoJSON Polygon or MultiPolygon geometry, lon/lat (WGS84). */
    boundary: jsonb("boundary").$type<{ type: "Polygon" | "MultiPolygon"; coordinates: unknown }>().notNull(),
    /** Factors for rollout prioritization (staff-maintained; published as they are). */
    propertyCrimeRate: real("property_crime_rate"),
    communityFeedbackScore: real("community_feedback_score"),
  },
  (t) => [check("areas_population_nonneg", sql`${t.population} >= 0`)],
);

export const programs = pgTable("programs", {
  id: serial("id").primaryKey(),
  slug: programSlug("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  status: programStatus("status").notNull(),
  startDate: date("start_date"),
  endDate: date("end_date"),
});

export const agencies = pgTable("agencies", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  /** lower(trim(name)): imports match on this, so "LAKEMONT PD " and "Lakemont PD" are one agency. */
  nameKey: text("name_key").notNull().unique(),
  kind: agencyKind("kind").notNull().default("other"),
});

export const personnelRole = pgEnum("personnel_role", PERSONNEL_ROLES);

/** People whose actions are logged (operators, pilots, deputies, CSOs). Names are raw-only: never published. */
export const personnel = pgTable(
  "personnel",
  {
    id: serial("id").primaryKey(),
    displayName: text("display_name").notNull(),
    nameKey: text("name_key").notNull(),
    externalId: text("external_id"),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: personnelRole("role").notNull().default("other"),
    badgeNumber: text("badge_number"),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("personnel_agency_name_key").on(t.agencyId, t.nameKey)],
);

/** Normalized call categories shared by drone flights, CSO calls and the baseline; FKs reject unknown ones. */
export const callCategories = pgTable("call_categories", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  /** Sensitive categories publish no location finer than H3 res 7 and no time finer than the day. */
  sensitive: boolean("sensitive").notNull().default(false),
  /** Property-crime style grouping used by dashboards. */
  grouping: text("grouping").notNull(),
});

/**
 * How raw call types, flight purposes and reasons (as CAD systems and vendors write them) map to
 * call categories. Keyed by callTypeKey(raw): lower-cased, spaces and underscores collapsed.
 * Installed from lib/ingest/call-type-map.ts; staff add and change entries (origin "staff").
 */
export const callTypeMappings = pgTable(
  "call_type_mappings",
  {
    /** The records it applies to: "*" (every dataset) or one dataset (MAPPING_SCOPES); a dataset's own wins. */
    scope: text("scope").$type<MappingScope>().notNull().default("*"),
    key: text("key").notNull(),
    category: text("category")
      .notNull()
      .references(() => callCategories.code),
    origin: text("origin").$type<"default" | "staff">().notNull().default("default"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Pre-pilot (and comparison) responses by patrol, for baselines of time to scene and time to clear. */
export const baselineResponses = pgTable(
  "baseline_responses",
  {
    id: serial("id").primaryKey(),
    program: programSlug("program").notNull(),
    category: text("category")
      .notNull()
      .references(() => callCategories.code),
    areaId: integer("area_id").references(() => areas.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    onSceneAt: timestamp("on_scene_at", { withTimezone: true }),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
  },
  (t) => [
    check("baseline_on_scene_after_received", sql`${t.onSceneAt} is null or ${t.onSceneAt} >= ${t.receivedAt}`),
    check(
      "baseline_cleared_after_on_scene",
      sql`${t.clearedAt} is null or ${t.onSceneAt} is null or ${t.clearedAt} >= ${t.onSceneAt}`,
    ),
  ],
);
