// Environment, validated once. Everything else reads `env()`, never process.env directly.
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./auth/trusted-proxies";

export const PUBLISH_EVERY_MINUTES = [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * The role that owns the schema on a Postgres server: migrations run as it, and the portal's own
   * role (DATABASE_URL) may only read and append to the audit tables. Unset: one user does both.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_OWNER_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DAYLIGHT_DATA_DIR: z.string().default(".data"),
  DAYLIGHT_CITY_CONFIG: z.string().default("config/demo-city.json"),
  AUTH_SECRET: z.string().min(16).optional(),
  DAYLIGHT_PSEUDONYM_KEY: z.string().min(16).optional(),
  /** Keys the audit chain's hashes and signs its checkpoints; keep it outside the database. */
  DAYLIGHT_AUDIT_KEY: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Public API (/api/v1) requests allowed per IP per minute. */
  DAYLIGHT_API_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  // The city's identity provider (OIDC): switched on when all three are set.
  AUTH_OIDC_ISSUER: z.string().url().optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  /**
   * Who may append to X-Forwarded-For: a hop count ("1") or CIDRs ("10.0.0.0/8,::1/128").
   * Unset: no proxy in front (see lib/auth/client-ip.ts for what that means under `next start`).
   */
  DAYLIGHT_TRUSTED_PROXIES: z
    .string()
    .max(2000)
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
  // Session cookies are Secure when the request is https; "true"/"false" forces it.
  AUTH_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Pins "today" (YYYY-MM-DD) for relative demo dates: tests and reproducible demos. */
  DAYLIGHT_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "DAYLIGHT_TODAY must be a date such as 2026-06-30")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DAYLIGHT_ANOMALIES_CONFIG: z.string().default("config/anomalies.json"),
  /** Print stack traces of CLI failures. */
  DAYLIGHT_DEBUG: z.string().optional(),
  /** Test servers only: plant the leak-test canaries after seeding. */
  DAYLIGHT_E2E_CANARIES: z.enum(["0", "1"]).optional(),
  // Import limits: what counts as an absurd value, and how big a file may be.
  DAYLIGHT_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  DAYLIGHT_INGEST_HTTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  DAYLIGHT_IMPORT_MAX_FLIGHT_HOURS: z.coerce.number().positive().default(12),
  DAYLIGHT_IMPORT_MAX_ACCESS_HOURS: z.coerce.number().positive().default(24),
  DAYLIGHT_IMPORT_FUTURE_SLACK_MINUTES: z.coerce.number().nonnegative().default(10),
  /**
   * Background publication every N minutes (server/jobs). N divides an hour (5, 10, 15, 20, 30) or
   * is whole hours dividing a day (60, 120, 180, 240, 360, 480, 720, 1440), so it is a clock schedule.
   */
  DAYLIGHT_PUBLISH_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .refine((n) => PUBLISH_EVERY_MINUTES.includes(n), {
      message: `DAYLIGHT_PUBLISH_EVERY_MINUTES must be one of ${PUBLISH_EVERY_MINUTES.join(", ")}`,
    })
    .default(60),
  /** Seconds a publication waits after a change, so that a burst of changes publishes once. */
  DAYLIGHT_JOBS_DEBOUNCE_SECONDS: z.coerce.number().int().min(0).max(50).default(10),
  /** "off": the server runs no background jobs (another process runs them). */
  DAYLIGHT_JOBS: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof schema> & { pgliteDir: string };

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${msg}`);
  }
  cached = {
    ...parsed.data,
    pgliteDir: path.resolve(/*turbopackIgnore: true*/ parsed.data.DAYLIGHT_DATA_DIR, "pglite"),
  };
  return cached;
}

/** For tests that switch databases within one process. */
export function resetEnvCache(): void {
  cached = undefined;
}
