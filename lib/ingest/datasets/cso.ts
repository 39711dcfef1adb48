// Community Safety Officer activities (calls handled by unarmed responders).
import { z } from "zod";
import { CSO_CALL_SOURCES, CSO_OUTCOMES, REFERRAL_TYPES } from "../../vocab";
import { checkNotFuture, checkPoint, type DatasetSpec, type FieldIssue } from "./common";

export const csoRecord = z.object({
  source: z.string().min(1).max(100).optional(),
  externalId: z.string().min(1, "an activity id is required").max(200),
  callNumber: z.string().max(100).optional(),
  callTypeRaw: z.string().max(200).optional(),
  category: z.string().optional(),
  callSource: z.enum(CSO_CALL_SOURCES),
  receivedAt: z.date(),
  onSceneAt: z.date().optional(),
  clearedAt: z.date().optional(),
  area: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  officer: z.string().max(200).optional(),
  officerAgency: z.string().max(200).optional(),
  outcome: z.enum(CSO_OUTCOMES),
  referrals: z.array(z.enum(REFERRAL_TYPES)).optional(),
  reportWritten: z.boolean().optional(),
  fingerprintsCollected: z.boolean().optional(),
  dnaCollected: z.boolean().optional(),
  swornBackupRequested: z.boolean().optional(),
  narrative: z.string().max(20_000).optional(),
});
export type CsoRecord = z.infer<typeof csoRecord>;

export const csoSpec: DatasetSpec<CsoRecord> = {
  dataset: "cso_activities",
  title: "CSO activities",
  schema: csoRecord,
  finish(r, ctx) {
    const issues: FieldIssue[] = [];
    if (r.onSceneAt && r.onSceneAt < r.receivedAt)
      issues.push({ field: "onSceneAt", reason: "on scene before the call was received" });
    if (r.clearedAt && r.clearedAt < (r.onSceneAt ?? r.receivedAt))
      issues.push({ field: "clearedAt", reason: "cleared before arriving or before the call" });
    if (r.clearedAt && r.clearedAt.getTime() - r.receivedAt.getTime() > ctx.limits.maxAccessMs * 2) {
      issues.push({ field: "clearedAt", reason: "a call open for more than two days is not plausible" });
    }
    checkNotFuture(issues, ctx, [
      ["receivedAt", r.receivedAt],
      ["onSceneAt", r.onSceneAt],
      ["clearedAt", r.clearedAt],
    ]);
    checkPoint(issues, ctx, "lat", r.lat, r.lon);
    return issues;
  },
};
