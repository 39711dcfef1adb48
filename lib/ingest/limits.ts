// Import limits: what counts as an absurd value, and how big a file may be. Each is a setting
// (environment variable, validated in lib/env.ts) with a default that fits a mid-size city.
import { env } from "../env";

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
  const e = env();
  cached = {
    maxFileBytes: e.DAYLIGHT_IMPORT_MAX_BYTES,
    maxHttpBytes: e.DAYLIGHT_INGEST_HTTP_MAX_BYTES,
    maxFlightMs: e.DAYLIGHT_IMPORT_MAX_FLIGHT_HOURS * 3_600_000,
    maxAccessMs: e.DAYLIGHT_IMPORT_MAX_ACCESS_HOURS * 3_600_000,
    futureSlackMs: e.DAYLIGHT_IMPORT_FUTURE_SLACK_MINUTES * 60_000,
  };
  return cached;
}
