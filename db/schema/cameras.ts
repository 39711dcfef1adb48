// Fixed cameras, PTZ, plate readers, and every access to their video (raw, restricted).
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { agencies, areas, callCategories, personnel, programSlug } from "./reference";
import {
  ACCESS_OPERATIONS,
  ACCESS_REASONS,
  CAMERA_KINDS,
  CAMERA_NETWORKS,
  CAMERA_OWNERS,
  CAMERA_STATUSES,
  SHARING_DIRECTIONS,
} from "../../lib/vocab";

export const cameraKind = pgEnum("camera_kind", CAMERA_KINDS);
export const cameraOwner = pgEnum("camera_owner", CAMERA_OWNERS);
export const cameraStatus = pgEnum("camera_status", CAMERA_STATUSES);
export const cameraNetwork = pgEnum("camera_network", CAMERA_NETWORKS);
export const accessOperation = pgEnum("access_operation", ACCESS_OPERATIONS);
export const accessReason = pgEnum("access_reason", ACCESS_REASONS);

export const cameras = pgTable(
  "cameras",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    /** lower(trim(name)): imports match cameras on it. */
    nameKey: text("name_key").notNull().unique(),
    kind: cameraKind("kind").notNull(),
    owner: cameraOwner("owner").notNull(),
    ownerAgencyId: integer("owner_agency_id").references(() => agencies.id),
    /** Business owner of an integrated private camera: raw-only. */
    ownerName: text("owner_name"),
    network: cameraNetwork("network").notNull().default("police"),
    siteName: text("site_name").notNull(),
    /** Null when an access log named a camera the inventory lacks: location unknown until staff add it. */
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    areaId: integer("area_id").references(() => areas.id),
    status: cameraStatus("status").notNull().default("active"),
    installedAt: date("installed_at"),
    /** Plate readers: days detections are kept. */
    retentionDays: integer("retention_days"),
    /** Connected to the watch / crime center (police cameras and registered private ones always are). */
    integrated: boolean("integrated").notNull().default(false),
    /** Since when it is connected, when known. */
    integratedOn: date("integrated_on"),
    /** The agreement under which a camera of another network or owner is connected (public). */
    integrationAgreement: text("integration_agreement"),
  },
  (t) => [
    index("cameras_area").on(t.areaId),
    check("camera_retention_nonneg", sql`${t.retentionDays} is null or ${t.retentionDays} >= 0`),
  ],
);

export const cameraAccessEvents = pgTable(
  "camera_access_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    personnelId: integer("personnel_id")
      .notNull()
      .references(() => personnel.id),
    /** The user's agency and role at the time of access (people change jobs). */
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userRole: text("user_role").notNull(),
    cameraId: integer("camera_id")
      .notNull()
      .references(() => cameras.id),
    operation: accessOperation("operation").notNull(),
    footageStart: timestamp("footage_start", { withTimezone: true }),
    footageEnd: timestamp("footage_end", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull(),
    reasonCode: accessReason("reason_code").notNull().default("other"),
    /** Free text: never published. */
    reasonText: text("reason_text"),
    caseNumber: text("case_number"),
    clientApp: text("client_app"),
    sharedWithAgencyId: integer("shared_with_agency_id").references(() => agencies.id),
  },
  (t) => [
    uniqueIndex("camera_access_source_external").on(t.source, t.externalId),
    index("camera_access_started").on(t.startedAt),
    index("camera_access_personnel_started").on(t.personnelId, t.startedAt),
    index("camera_access_camera_started").on(t.cameraId, t.startedAt),
    check("access_end_after_start", sql`${t.endedAt} >= ${t.startedAt}`),
    check(
      "access_footage_window",
      sql`${t.footageStart} is null or ${t.footageEnd} is null or ${t.footageEnd} >= ${t.footageStart}`,
    ),
  ],
);

export const alprDailyCounts = pgTable(
  "alpr_daily_counts",
  {
    cameraId: integer("camera_id")
      .notNull()
      .references(() => cameras.id),
    day: date("day").notNull(),
    detections: integer("detections").notNull(),
    hotlistHits: integer("hotlist_hits").notNull(),
  },
  (t) => [
    uniqueIndex("alpr_daily_camera_day").on(t.cameraId, t.day),
    index("alpr_daily_day").on(t.day),
    check(
      "alpr_counts_nonneg",
      sql`${t.detections} >= 0 and ${t.hotlistHits} >= 0 and ${t.hotlistHits} <= ${t.detections}`,
    ),
  ],
);

export const alprSearches = pgTable(
  "alpr_searches",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    personnelId: integer("personnel_id")
      .notNull()
      .references(() => personnel.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    searchedAt: timestamp("searched_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull(),
    /**
     * The call category the raw reason maps to (call_type_mappings): "unclassified" until staff map
     * it; null (also not yet classified) for rows written before the database had categories.
     */
    category: text("category").references(() => callCategories.code),
    offenseType: text("offense_type"),
    caseNumber: text("case_number"),
    networkCount: integer("network_count").notNull().default(1),
    networks: jsonb("networks").$type<string[]>(),
    /** Cameras or devices searched, when the audit gives it. */
    devicesSearched: integer("devices_searched"),
    /** The footage window searched (organization audits give it). */
    windowStart: timestamp("window_start", { withTimezone: true }),
    windowEnd: timestamp("window_end", { withTimezone: true }),
    searchType: text("search_type"),
    moderation: text("moderation"),
    /** Keyed HMAC of the normalized plate searched (never the plate): repeated searches match. Never published. */
    plateHmac: text("plate_hmac"),
  },
  (t) => [
    uniqueIndex("alpr_searches_source_external").on(t.source, t.externalId),
    index("alpr_searches_searched").on(t.searchedAt),
    index("alpr_searches_category").on(t.category),
    check("alpr_network_count_nonneg", sql`${t.networkCount} >= 0`),
  ],
);

export const sharingDirection = pgEnum("sharing_direction", SHARING_DIRECTIONS);

export const sharingAgreements = pgTable(
  "sharing_agreements",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    program: programSlug("program").notNull(),
    direction: sharingDirection("direction").notNull(),
    dataShared: text("data_shared").notNull(),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
    approvedBy: text("approved_by"),
  },
  (t) => [check("sharing_dates", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`)],
);
