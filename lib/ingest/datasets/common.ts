// What every dataset spec shares: the check context, issue shape and reusable checks.
import type { z } from "zod";
import type { Dataset } from "../types";
import type { Limits } from "../limits";

export type Region = { west: number; south: number; east: number; north: number };
export type CheckContext = { now: number; limits: Limits; region: Region };
/** A problem with one field of a mapped record; the pipeline turns it into a row error. */
export type FieldIssue = { field: string; reason: string };

export type DatasetSpec<R> = {
  dataset: Dataset;
  title: string;
  schema: z.ZodType<R>;
  /** Fills derived fields (end from duration, destination from path…) and rejects absurd values. */
  finish(rec: R, ctx: CheckContext): FieldIssue[];
};

export function inRegion(r: Region, lat: number, lon: number): boolean {
  return lat >= r.south && lat <= r.north && lon >= r.west && lon <= r.east;
}

export function checkPoint(
  issues: FieldIssue[],
  ctx: CheckContext,
  field: string,
  lat: number | undefined,
  lon: number | undefined,
): void {
  if (lat === undefined && lon === undefined) return;
  if (lat === undefined || lon === undefined) {
    issues.push({ field, reason: "needs both latitude and longitude" });
    return;
  }
  if (!inRegion(ctx.region, lat, lon)) {
    issues.push({ field, reason: `coordinates ${lat}, ${lon} are outside the city's region` });
  }
}

/** Reports the first of the given times that lies in the future (later ones follow from it). */
export function checkNotFuture(issues: FieldIssue[], ctx: CheckContext, times: [string, Date | undefined][]): void {
  for (const [field, t] of times) {
    if (t && t.getTime() > ctx.now + ctx.limits.futureSlackMs) {
      issues.push({ field, reason: `${t.toISOString()} is in the future` });
      return;
    }
  }
}

export function hours(ms: number): string {
  return (ms / 3_600_000).toFixed(1).replace(/\.0$/, "");
}
