// Import limits: what counts as an absurd value, and how big a file may be. Each is a setting
// (environment variable) with a default that fits a mid-size city.
import { z } from "zod";

const schema = z.object({
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
});

export type Limits = {
  /** Largest file `daylight import` takes. */
  maxFileBytes: number;
  /** Largest body POST /api/ingest takes. */
  maxHttpBytes: number;
  maxFlightMs: number;
  maxAccessMs: number;
  /** Clock skew allowed before a timestamp counts as "in the future". */
  futureSlackMs: number;
};

let cached: Limits | undefined;

export function limits(): Limits {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid import limits: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  cached = {
    maxFileBytes: e.DAYLIGHT_IMPORT_MAX_BYTES,
    maxHttpBytes: e.DAYLIGHT_INGEST_HTTP_MAX_BYTES,
    maxFlightMs: e.DAYLIGHT_IMPORT_MAX_FLIGHT_HOURS * 3_600_000,
    maxAccessMs: e.DAYLIGHT_IMPORT_MAX_ACCESS_HOURS * 3_600_000,
    futureSlackMs: e.DAYLIGHT_IMPORT_FUTURE_SLACK_MINUTES * 60_000,
  };
  return cached;
}
