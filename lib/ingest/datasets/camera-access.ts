// Camera access events: who looked at which camera's video, when, how and why.
import { z } from "zod";
import { ACCESS_OPERATIONS, ACCESS_REASONS } from "../../vocab";
import { checkNotFuture, checkPoint, hours, type DatasetSpec, type FieldIssue } from "./common";

export const cameraAccessRecord = z.object({
  source: z.string().min(1).max(100).optional(),
  externalId: z.string().min(1, "an access id is required").max(200),
  user: z.string().min(1, "the user is required").max(200),
  userAgency: z.string().max(200).optional(),
  userRole: z.string().max(100).optional(),
  camera: z.string().min(1, "the camera is required").max(200),
  cameraAgency: z.string().max(200).optional(),
  cameraSite: z.string().max(300).optional(),
  cameraLat: z.number().optional(),
  cameraLon: z.number().optional(),
  objectType: z.string().max(100).optional(),
  operation: z.enum(ACCESS_OPERATIONS),
  clientApp: z.string().max(200).optional(),
  startedAt: z.date(),
  endedAt: z.date().optional(),
  updatedAt: z.date().optional(),
  durationSec: z.number().nonnegative().optional(),
  footageStart: z.date().optional(),
  footageEnd: z.date().optional(),
  reasonCode: z.enum(ACCESS_REASONS).optional(),
  reasonText: z.string().max(5000).optional(),
  caseNumber: z.string().max(100).optional(),
  sharedWithAgency: z.string().max(200).optional(),
});
export type CameraAccessRecord = z.infer<typeof cameraAccessRecord>;

export const cameraAccessSpec: DatasetSpec<CameraAccessRecord> = {
  dataset: "camera_access",
  title: "Camera access events",
  schema: cameraAccessRecord,
  finish(r, ctx) {
    const issues: FieldIssue[] = [];
    if (!r.endedAt) {
      if (r.durationSec !== undefined) r.endedAt = new Date(r.startedAt.getTime() + r.durationSec * 1000);
      else if (r.updatedAt && r.updatedAt >= r.startedAt) r.endedAt = r.updatedAt;
      else r.endedAt = r.startedAt;
    }
    const ms = r.endedAt.getTime() - r.startedAt.getTime();
    if (ms < 0) issues.push({ field: "endedAt", reason: "the access ends before it starts" });
    else if (ms > ctx.limits.maxAccessMs) {
      issues.push({
        field: "durationSec",
        reason: `an access of ${hours(ms)} hours is longer than the ${hours(ctx.limits.maxAccessMs)}-hour limit`,
      });
    }
    if (r.footageStart && r.footageEnd && r.footageEnd < r.footageStart)
      issues.push({ field: "footageEnd", reason: "footage window ends before it starts" });
    checkNotFuture(issues, ctx, [
      ["startedAt", r.startedAt],
      ["endedAt", r.endedAt],
      ["footageStart", r.footageStart],
      ["footageEnd", r.footageEnd],
    ]);
    checkPoint(issues, ctx, "cameraLat", r.cameraLat, r.cameraLon);
    return issues;
  },
};
