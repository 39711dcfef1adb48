// Portal users (staff, council, auditors, admins), their sessions, API tokens, and the audit log.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { IMPORT_STATUSES, USER_ROLES } from "../../lib/vocab";

export const userRole = pgEnum("user_role", USER_ROLES);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash"),
    /** Base32 TOTP secret; null until enrollment. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The 30-second step of the last accepted TOTP code; codes from it or earlier are refused (no replay). */
    totpLastStep: integer("totp_last_step"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("users_email_lower", sql`${t.email} = lower(${t.email})`)],
);

export const recoveryCodes = pgTable("recovery_codes", {
  id: serial("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  codeHash: text("code_hash").notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Server-side session records: a JWT names one; revoking the row ends the session on the next request. */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** When the session proved a second factor (TOTP, recovery code, or the city's IdP); null = enrollment only. */
    mfaVerifiedAt: timestamp("mfa_verified_at", { withTimezone: true }),
    /** "password" or "oidc". */
    method: text("method").notNull().default("password"),
  },
  (t) => [index("user_sessions_user").on(t.userId)],
);

export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  /** The source system the token imports for (e.g. "skydio"). */
  source: text("source").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** Append-only, hash-chained: each row's hash covers its content and the previous row's hash. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_action").on(t.action)],
);

/**
 * Published checkpoints of the audit chain head, taken by every publication, at least hourly by
 * the scheduled jobs, and by `daylight audit checkpoint`. `mac` signs (at, head, count) with the
 * audit key; rows from before the key existed have none.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: serial("id").primaryKey(),
    /** The city-local day it was taken, for display. */
    day: date("day").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    headId: integer("head_id").notNull(),
    headHash: text("head_hash").notNull(),
    rowCount: integer("row_count").notNull(),
    /** What took it: "publish", "schedule", "cli". */
    reason: text("reason").notNull().default("cli"),
    mac: text("mac"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_checkpoints_at").on(t.at)],
);

/**
 * "Rows from id N on are keyed": written once, by the first keyed append. Rows before N were
 * written with the unkeyed SHA-256 and are verified with it; `mac` (HMAC of N with the audit
 * key) stops anyone without the key moving N to re-hash newer rows the old way.
 */
export const auditKeyMarker = pgTable("audit_key_marker", {
  id: integer("id").primaryKey().default(1),
  keyedFrom: bigint("keyed_from", { mode: "number" }).notNull(),
  mac: text("mac").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const importStatus = pgEnum("import_status", IMPORT_STATUSES);

export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  dataset: text("dataset").notNull(),
  format: text("format"),
  fileName: text("file_name").notNull(),
  fileSha256: text("file_sha256").notNull(),
  actor: text("actor").notNull(),
  tokenId: integer("token_id").references(() => apiTokens.id),
  rowsRead: integer("rows_read").notNull().default(0),
  inserted: integer("inserted").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  rejected: integer("rejected").notNull().default(0),
  status: importStatus("status").notNull(),
  errors: jsonb("errors").$type<unknown[]>().notNull().default([]),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
