// Published cameras, watch-center access log and plate-reader data: the only camera/ALPR data
// public code may read. Written by server/publish/cameras.ts and server/publish/alpr.ts inside the
// publication transaction, under the rules in lib/publish/rules.ts.
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** City-owned and other-agency cameras (incl. plate readers) at their site. Never private cameras. */
export const pubCameras = pgTable("pub_cameras", {
  publicId: text("public_id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").$type<"fixed" | "ptz" | "plate_reader">().notNull(),
  owner: text("owner").$type<"city" | "other_agency">().notNull(),
  ownerAgency: text("owner_agency"),
  network: text("network").notNull(),
  siteName: text("site_name").notNull(),
  /** The disclosed site, rounded to 4 decimals. */
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
  areaSlug: text("area_slug"),
  areaName: text("area_name"),
  status: text("status").notNull(),
  installedOn: date("installed_on"),
  retentionDays: integer("retention_days"),
  /** Connected to the watch / crime center, since when (when known), under which agreement. */
  integrated: boolean("integrated").notNull().default(false),
  integratedOn: date("integrated_on"),
  integrationAgreement: text("integration_agreement"),
});

/** Privately owned cameras integrated into the watch center: only counts per area (suppressed). */
export const pubPrivateCameraCounts = pgTable("pub_private_camera_counts", {
  /** Area slug, or "*" for the city total. */
  areaSlug: text("area_slug").primaryKey(),
  areaName: text("area_name").notNull(),
  count: integer("count"),
  suppressed: boolean("suppressed").notNull(),
});

/** One row per camera access, 7 days after it ended: hour, place, pseudonymous user, why. */
export const pubCameraAccesses = pgTable(
  "pub_camera_accesses",
  {
    publicId: text("public_id").primaryKey(),
    /** Start of the access rounded down to the hour in the city's time zone. */
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    localDate: date("local_date").notNull(),
    weekStart: date("week_start").notNull(),
    /** Null for private cameras (shown only as "private camera, <area>"). */
    cameraPublicId: text("camera_public_id"),
    place: text("place").notNull(),
    ownerClass: text("owner_class").$type<"city" | "other_agency" | "private">().notNull(),
    areaSlug: text("area_slug"),
    user: text("user_pseudonym").notNull(),
    userRole: text("user_role").notNull(),
    agency: text("agency").notNull(),
    operation: text("operation").notNull(),
    reason: text("reason").notNull(),
    linkedToCase: boolean("linked_to_case").notNull(),
    sharedWith: text("shared_with"),
  },
  (t) => [
    // Few indexes on purpose: each is built anew on every publication (millions of rows, about 3 s
    // each at scale 100). The default view (newest first, ties by id) reads straight off hour_id;
    // rarer filters walk it backwards until a page is full. "Linked to a case: no" (the
    // accountability question), alone or with an operation, narrows by case_op_hour.
    index("pub_cam_acc_hour_id").on(t.hour, t.publicId),
    index("pub_cam_acc_op_hour").on(t.operation, t.hour),
    index("pub_cam_acc_case_op_hour").on(t.linkedToCase, t.operation, t.hour),
    index("pub_cam_acc_user").on(t.user),
  ],
);

/** One row per plate-reader search, 7 days after: hour, pseudonymous user, agency, categories. */
export const pubAlprSearches = pgTable(
  "pub_alpr_searches",
  {
    publicId: text("public_id").primaryKey(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    localDate: date("local_date").notNull(),
    weekStart: date("week_start").notNull(),
    user: text("user_pseudonym").notNull(),
    userRole: text("user_role").notNull(),
    agency: text("agency").notNull(),
    /** Controlled vocabulary derived from the raw reason; the raw text is never published. */
    reason: text("reason").notNull(),
    offenseType: text("offense_type").notNull(),
    linkedToCase: boolean("linked_to_case").notNull(),
    networkCount: integer("network_count").notNull(),
    networks: jsonb("networks").$type<string[]>().notNull(),
  },
  (t) => [
    index("pub_alpr_s_hour").on(t.hour),
    index("pub_alpr_s_hour_id").on(t.hour, t.publicId),
    index("pub_alpr_s_reason_hour").on(t.reason, t.hour),
    index("pub_alpr_s_offense_hour").on(t.offenseType, t.hour),
    index("pub_alpr_s_agency_hour").on(t.agency, t.hour),
  ],
);

/** Data-sharing agreements for cameras, the watch center and plate readers. */
export const pubSharingAgreements = pgTable("pub_sharing_agreements", {
  id: integer("id").primaryKey(),
  agency: text("agency").notNull(),
  program: text("program").notNull(),
  direction: text("direction").$type<"outbound" | "inbound" | "both">().notNull(),
  dataShared: text("data_shared").notNull(),
  startedOn: date("started_on").notNull(),
  endedOn: date("ended_on"),
});
