// Anomaly thresholds: config/anomalies.json (DAYLIGHT_ANOMALIES_CONFIG overrides the path), validated.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env } from "../env";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use 24-hour HH:MM");

export const anomalyConfigSchema = z.object({
  noCaseNumber: z.object({
    cameraOperations: z
      .array(z.enum(["live_view", "playback", "export", "share"]))
      .default(["playback", "export", "share"]),
    alprSearches: z.boolean().default(true),
  }),
  /** Kept for older config files; hours are judged against each user's own and their peers' usual hours. */
  outsideHours: z.object({ start: hhmm.default("22:00"), end: hhmm.default("06:00") }).optional(),
  /** Risk points per rule: a record's score is the sum over its rules, a person's the sum over their records. */
  weights: z.record(z.string(), z.number().nonnegative()).default({}),
  unusualHours: z
    .object({
      /** An hour is unusual when less than this share of the user's records, and of their role's, fall in it (±1 hour). */
      maxShare: z.number().gt(0).lt(1).default(0.004),
      /** Below this many records, only the peers' hours count. */
      minOwnRecords: z.number().int().positive().default(100),
    })
    .default({ maxShare: 0.004, minOwnRecords: 100 }),
  volumeSpike: z
    .object({
      multiplier: z.number().gt(1).default(4),
      minExtra: z.number().int().nonnegative().default(20),
      minActiveDays: z.number().int().positive().default(10),
    })
    .default({ multiplier: 4, minExtra: 20, minActiveDays: 10 }),
  vagueReason: z
    .object({
      phrases: z.array(z.string()).default([]),
      minChars: z.number().int().nonnegative().default(12),
      minWords: z.number().int().nonnegative().default(2),
      cameraOperations: z.array(z.enum(["live_view", "playback", "export", "share"])).default(["export", "share"]),
    })
    .default({ phrases: [], minChars: 12, minWords: 2, cameraOperations: ["export", "share"] }),
  /** Words or phrases per list (matched as whole words, case-insensitive) in reasons and offense types. */
  watchLists: z.record(z.string(), z.array(z.string())).default({}),
  wideSearch: z
    .object({
      maxNetworks: z.number().int().positive().default(25),
      maxDevices: z.number().int().positive().default(1000),
      /** Two-letter code of the city's state: networks naming another state are out-of-state sharing. */
      homeState: z.string().length(2).default("CA"),
    })
    .default({ maxNetworks: 25, maxDevices: 1000, homeState: "CA" }),
  sharedPlate: z
    .object({ minUsers: z.number().int().min(2).default(3), withinDays: z.number().positive().default(30) })
    .default({ minUsers: 3, withinDays: 30 }),
  cameraBurst: z.object({
    /** Never flag this many cameras or fewer in one window, whatever the baselines say. */
    maxCameras: z.number().int().positive().default(10),
    withinMinutes: z.number().positive().default(15),
    /** A user's usual burst: this percentile of the cameras in the window ending at each of their accesses. */
    usualPercentile: z.number().gt(0).max(100).default(95),
    /** Flag windows above this multiple of the larger of the user's and their role's usual burst. */
    multiplier: z.number().gt(1).default(1.5),
    /** Below this many accesses a user has no usual burst of their own; only the role's counts. */
    minOwnAccesses: z.number().int().positive().default(100),
  }),
  sensitiveSites: z.object({
    extraBufferM: z.number().nonnegative().default(0),
    /** Flag only accesses without a case number (answering a call near a clinic is the job). */
    onlyWithoutCase: z.boolean().default(true),
  }),
  flightDetour: z.object({
    maxRatio: z.number().gt(1).default(2),
    minStraightLineM: z.number().nonnegative().default(150),
  }),
  flightDuration: z.object({
    percentile: z.number().gt(50).lt(100).default(99),
    minFlightsInCategory: z.number().int().positive().default(20),
  }),
});

export type AnomalyConfig = z.infer<typeof anomalyConfigSchema>;

export function loadAnomalyConfig(file = env().DAYLIGHT_ANOMALIES_CONFIG): AnomalyConfig {
  const abs = path.resolve(process.cwd(), file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(abs, "utf8"));
  } catch (e) {
    throw new Error(`Cannot read anomaly thresholds from ${file}: ${(e as Error).message}`);
  }
  const parsed = anomalyConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Anomaly thresholds ${file} are invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/** Defaults when no file is given (tests). */
export const DEFAULT_ANOMALY_CONFIG: AnomalyConfig = anomalyConfigSchema.parse({
  noCaseNumber: {},
  cameraBurst: {},
  sensitiveSites: {},
  flightDetour: {},
  flightDuration: {},
});
