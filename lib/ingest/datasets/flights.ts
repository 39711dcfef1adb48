// Drone flights: the mapped record every flight format produces, and the checks on it.
import { z } from "zod";
import { FLIGHT_OUTCOMES } from "../../vocab";
import { checkNotFuture, checkPoint, hours, type DatasetSpec, type FieldIssue } from "./common";
import { farthestFrom, pathLengthM } from "../geo";

const lonLat = z.tuple([z.number(), z.number()]);

export const flightRecord = z.object({
  source: z.string().min(1).max(100).optional(),
  externalId: z.string().min(1, "a flight id is required").max(200),
  callNumber: z.string().max(100).optional(),
  callTypeRaw: z.string().max(200).optional(),
  category: z.string().optional(),
  priority: z.number().int().min(1).max(5).optional(),
  dispatchedAt: z.date().optional(),
  launchedAt: z.date(),
  /** "day" when the source gives only the date of the flight. */
  launchPrecision: z.enum(["time", "day"]).optional(),
  onSceneAt: z.date().optional(),
  landedAt: z.date().optional(),
  durationSec: z.number().nonnegative().optional(),
  dock: z.string().optional(),
  pilot: z.string().max(200).optional(),
  pilotAgency: z.string().max(200).optional(),
  path: z.array(lonLat).min(2).max(20_000).optional(),
  destPoint: lonLat.optional(),
  destLat: z.number().optional(),
  destLon: z.number().optional(),
  area: z.string().optional(),
  distanceFlownM: z.number().nonnegative().optional(),
  outcome: z.enum(FLIGHT_OUTCOMES).optional(),
  firstOnScene: z.boolean().optional(),
  footageRetained: z.boolean().optional(),
  description: z.string().max(5000).optional(),
});
export type FlightRecord = z.infer<typeof flightRecord>;

export const flightsSpec: DatasetSpec<FlightRecord> = {
  dataset: "flights",
  title: "Drone flights",
  schema: flightRecord,
  finish(r, ctx) {
    const issues: FieldIssue[] = [];
    if (!r.landedAt && r.durationSec !== undefined)
      r.landedAt = new Date(r.launchedAt.getTime() + r.durationSec * 1000);
    if (!r.landedAt) issues.push({ field: "landedAt", reason: "missing: give a landing time or a duration" });
    else {
      const ms = r.landedAt.getTime() - r.launchedAt.getTime();
      if (ms < 0) issues.push({ field: "landedAt", reason: "landing is before takeoff" });
      else if (ms > ctx.limits.maxFlightMs) {
        issues.push({
          field: "landedAt",
          reason: `a flight of ${hours(ms)} hours is longer than the ${hours(ctx.limits.maxFlightMs)}-hour limit`,
        });
      }
    }
    if (r.dispatchedAt && r.dispatchedAt > r.launchedAt)
      issues.push({ field: "dispatchedAt", reason: "dispatch is after takeoff" });
    if (r.onSceneAt && (r.onSceneAt < r.launchedAt || (r.landedAt && r.onSceneAt > r.landedAt))) {
      issues.push({ field: "onSceneAt", reason: "on-scene time is outside the flight" });
    }
    checkNotFuture(issues, ctx, [
      ["dispatchedAt", r.dispatchedAt],
      ["launchedAt", r.launchedAt],
      ["onSceneAt", r.onSceneAt],
      ["landedAt", r.landedAt],
    ]);
    if (r.destPoint) [r.destLon, r.destLat] = r.destPoint;
    if (r.path) {
      const bad = r.path.find(
        ([lon, lat]) =>
          !(lat >= ctx.region.south && lat <= ctx.region.north && lon >= ctx.region.west && lon <= ctx.region.east),
      );
      if (bad) issues.push({ field: "path", reason: `path point ${bad[1]}, ${bad[0]} is outside the city's region` });
      if (r.destLat === undefined && r.destLon === undefined) [r.destLon, r.destLat] = farthestFrom(r.path[0], r.path);
      r.distanceFlownM ??= Math.round(pathLengthM(r.path));
    }
    checkPoint(issues, ctx, "destLat", r.destLat, r.destLon);
    return issues;
  },
};
