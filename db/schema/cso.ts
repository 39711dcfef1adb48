// Community Safety Officers: unarmed, non-sworn responders (raw, restricted).
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { areas, callCategories, personnel } from "./reference";
import { CSO_CALL_SOURCES, CSO_OUTCOMES, REFERRAL_TYPES } from "../../lib/vocab";

export const csoCallSource = pgEnum("cso_call_source", CSO_CALL_SOURCES);
export const csoOutcome = pgEnum("cso_outcome", CSO_OUTCOMES);
export const referralTypes = REFERRAL_TYPES;

export const csoActivities = pgTable(
  "cso_activities",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    callNumber: text("call_number"),
    callTypeRaw: text("call_type_raw"),
    category: text("category")
      .notNull()
      .references(() => callCategories.code),
    callSource: csoCallSource("call_source").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    onSceneAt: timestamp("on_scene_at", { withTimezone: true }),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    areaId: integer("area_id").references(() => areas.id),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    officerId: integer("officer_id").references(() => personnel.id),
    outcome: csoOutcome("outcome").notNull(),
    /** Service types referred to (see `referralTypes`). */
    referrals: text("referrals")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reportWritten: boolean("report_written").notNull().default(false),
    fingerprintsCollected: boolean("fingerprints_collected").notNull().default(false),
    dnaCollected: boolean("dna_collected").notNull().default(false),
    swornBackupRequested: boolean("sworn_backup_requested").notNull().default(false),
    /** Free text: never published. */
    narrative: text("narrative"),
  },
  (t) => [
    uniqueIndex("cso_source_external").on(t.source, t.externalId),
    index("cso_received").on(t.receivedAt),
    index("cso_category_received").on(t.category, t.receivedAt),
    check("cso_on_scene_after_received", sql`${t.onSceneAt} is null or ${t.onSceneAt} >= ${t.receivedAt}`),
    check("cso_cleared_after_received", sql`${t.clearedAt} is null or ${t.clearedAt} >= ${t.receivedAt}`),
    check(
      "cso_cleared_after_on_scene",
      sql`${t.clearedAt} is null or ${t.onSceneAt} is null or ${t.clearedAt} >= ${t.onSceneAt}`,
    ),
  ],
);
