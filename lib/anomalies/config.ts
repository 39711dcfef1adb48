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
  outsideHours: z.object({ start: hhmm.default("22:00"), end: hhmm.default("06:00") }),
  cameraBurst: z.object({
    maxCameras: z.number().int().positive().default(10),
    withinMinutes: z.number().positive().default(15),
  }),
  sensitiveSites: z.object({ extraBufferM: z.number().nonnegative().default(0) }),
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
  outsideHours: {},
  cameraBurst: {},
  sensitiveSites: {},
  flightDetour: {},
  flightDuration: {},
});
