// The public watch-center access log: who (pseudonym, role, agency) looked at which camera, when, why.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { accessLogFilters } from "../../cameras/log-filters";
import { ACCESS_REASONS, OPERATIONS as ACCESS_OPERATIONS } from "../../cameras/vocab";
import { checkRange } from "../filters";
import type { DatasetDef } from "../types";

export const OWNER_CLASSES = ["city", "other_agency", "private"] as const;

/** The access log page's own filter schema (same names, same values), plus the date-range check. */
export const cameraAccessesFilters = accessLogFilters.superRefine(checkRange);

export const cameraAccessesRow = z.object({
  id: z.string().meta({ description: "Stable public id of the access." }),
  hour: z.iso.datetime().meta({
    description: "Start of the access, rounded down to the hour (UTC).",
    privacy: `Rounded to the ${rules.timeRounding} in the city's time zone; published ${rules.delayHours.cameraAccess / 24} days after the access ended.`,
  }),
  local_date: z.iso.date().meta({ description: "Date of the access in the city's time zone." }),
  camera_id: z
    .string()
    .nullable()
    .meta({ description: "Public id of the camera (see the cameras dataset); null for private cameras." }),
  place: z.string().meta({
    description: 'Camera site, or "private camera, <area>".',
    privacy: "Privately owned cameras are never named or located: only their area.",
  }),
  owner_class: z.enum(OWNER_CLASSES).meta({ description: "Who owns the camera." }),
  area: z.string().nullable().meta({ description: "Neighborhood slug of the camera." }),
  user: z.string().meta({
    description: "Pseudonym of the person who accessed the video (the same person always has the same pseudonym).",
    privacy: "A keyed hash of the account: names, emails and badge numbers are never published.",
  }),
  user_role: z.string().meta({ description: "Role of that person (e.g. watch center operator, detective)." }),
  agency: z.string().meta({ description: "Agency of that person." }),
  operation: z
    .enum(ACCESS_OPERATIONS)
    .meta({ description: "What was done: live view, playback of recorded video, export of a clip, or sharing it." }),
  reason: z.enum(ACCESS_REASONS).meta({
    description: "Reason category given.",
    privacy: "Only the category: the free-text reason is never published.",
  }),
  linked_to_case: z.boolean().meta({
    description: "Whether a case number was given.",
    privacy: "Case numbers are never published: only yes or no.",
  }),
  shared_with: z.string().nullable().meta({ description: "Agency the video was shared with, for shares." }),
});

export const cameraAccessesDataset: DatasetDef = {
  slug: "camera-accesses",
  title: "Camera and watch center access log",
  summary:
    "Every access to city camera video (live view, playback, export, share) with the hour, camera or site, pseudonymous user, role, agency, reason category and whether a case number was given.",
  pagePath: "/cameras/access-log",
  pageFilters: true,
  cadence: `Daily; accesses appear ${rules.delayHours.cameraAccess / 24} days after they end`,
  source: "publication",
  publicationDataset: "cameras",
  filters: cameraAccessesFilters,
  filterDocs: {
    from: "Accesses on or after this date (YYYY-MM-DD, city time)",
    to: "Accesses on or before this date (YYYY-MM-DD, city time)",
    operation: `Operation: ${ACCESS_OPERATIONS.join(", ")}`,
    reason: `Reason category: ${ACCESS_REASONS.join(", ")}`,
    agency: "Agency name, exactly as published",
    place: 'Camera site, exactly as published (private cameras: "private camera, <area name>")',
    user: "User pseudonym, e.g. user-7f3a2b",
    linked: "yes: a case number was given; no: none was",
  },
  row: cameraAccessesRow,
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
