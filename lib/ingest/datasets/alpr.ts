// Plate-reader search audits and daily detection counts per reader.
import { z } from "zod";
import { checkNotFuture, type DatasetSpec, type FieldIssue } from "./common";

export const alprSearchRecord = z.object({
  source: z.string().min(1).max(100).optional(),
  externalId: z.string().min(1, "a search id is required").max(200),
  /** Absent when the audit names no person (organization audits, redactions). */
  user: z.string().min(1).max(200).optional(),
  userAgency: z.string().max(200).optional(),
  searchedAt: z.date(),
  /** Absent when redacted: the search is still kept. */
  reason: z.string().min(1).max(2000).optional(),
  offenseType: z.string().max(200).optional(),
  caseNumber: z.string().max(100).optional(),
  networkCount: z.number().int().nonnegative().max(100_000).optional(),
  networks: z.array(z.string().max(200)).max(10_000).optional(),
  devicesSearched: z.number().int().nonnegative().max(10_000_000).optional(),
  window: z.object({ start: z.date(), end: z.date() }).optional(),
  windowStart: z.date().optional(),
  windowEnd: z.date().optional(),
  searchType: z.string().max(200).optional(),
  moderation: z.string().max(200).optional(),
  /** The licence plate searched, in clear only until the writer replaces it with its HMAC. */
  plate: z.string().max(40).optional(),
});
export type AlprSearchRecord = z.infer<typeof alprSearchRecord>;

export const alprSearchesSpec: DatasetSpec<AlprSearchRecord> = {
  dataset: "alpr_searches",
  title: "Plate-reader searches",
  schema: alprSearchRecord,
  finish(r, ctx) {
    const issues: FieldIssue[] = [];
    if (r.window) [r.windowStart, r.windowEnd] = [r.window.start, r.window.end];
    if (r.windowStart && r.windowEnd && r.windowEnd < r.windowStart)
      issues.push({ field: "windowEnd", reason: "the search window ends before it starts" });
    checkNotFuture(issues, ctx, [["searchedAt", r.searchedAt]]);
    return issues;
  },
};

export const alprDailyRecord = z.object({
  camera: z.string().min(1, "the plate reader is required").max(200),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  detections: z.number().int().nonnegative().max(10_000_000),
  hotlistHits: z.number().int().nonnegative().max(10_000_000),
});
export type AlprDailyRecord = z.infer<typeof alprDailyRecord>;

export const alprDailySpec: DatasetSpec<AlprDailyRecord> = {
  dataset: "alpr_daily",
  title: "Plate-reader daily counts",
  schema: alprDailyRecord,
  finish(r, ctx) {
    const issues: FieldIssue[] = [];
    if (r.hotlistHits > r.detections)
      issues.push({ field: "hotlistHits", reason: "more hotlist hits than detections" });
    checkNotFuture(issues, ctx, [["day", new Date(`${r.day}T00:00:00Z`)]]);
    return issues;
  },
};
