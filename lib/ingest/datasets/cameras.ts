// The camera inventory: matched and updated by name (lower-cased, trimmed).
import { z } from "zod";
import { CAMERA_KINDS, CAMERA_NETWORKS, CAMERA_OWNERS, CAMERA_STATUSES } from "../../vocab";
import { checkPoint, type DatasetSpec, type FieldIssue } from "./common";

export const cameraRecord = z.object({
  name: z.string().min(1, "the camera name is required").max(200),
  kind: z.enum(CAMERA_KINDS),
  owner: z.enum(CAMERA_OWNERS),
  ownerAgency: z.string().max(200).optional(),
  ownerName: z.string().max(300).optional(),
  network: z.enum(CAMERA_NETWORKS).optional(),
  siteName: z.string().min(1, "the site name is required").max(300),
  lat: z.number(),
  lon: z.number(),
  area: z.string().optional(),
  status: z.enum(CAMERA_STATUSES).optional(),
  installedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  retentionDays: z.number().int().nonnegative().max(36_500).optional(),
});
export type CameraRecord = z.infer<typeof cameraRecord>;

export const camerasSpec: DatasetSpec<CameraRecord> = {
  dataset: "cameras",
  title: "Cameras",
  schema: cameraRecord,
  finish(r, ctx) {
    const issues: FieldIssue[] = [];
    checkPoint(issues, ctx, "lat", r.lat, r.lon);
    return issues;
  },
};
