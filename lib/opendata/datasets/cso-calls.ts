// Community Safety Officer calls: what kind, from where (generalized), how fast, and how they ended.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { checkRange, optionalDate, optionalEnum, optionalSlug } from "../filters";
import type { DatasetDef } from "../types";

import { CSO_CALL_SOURCES as CSO_SOURCES, CSO_OUTCOMES, REFERRAL_TYPES } from "../../vocab";

export { CSO_SOURCES, CSO_OUTCOMES, REFERRAL_TYPES };

export const csoCallsFilters = z
  .object({
    from: optionalDate(),
    to: optionalDate(),
    category: optionalSlug(),
    source: optionalEnum(CSO_SOURCES),
    area: optionalSlug(),
    outcome: optionalEnum(CSO_OUTCOMES),
  })
  .superRefine(checkRange);

const SENSITIVE =
  "sensitive categories (domestic violence, sexual assault, child abuse or juvenile, mental health, medical, welfare checks)";

export const csoCallsRow = z.object({
  id: z.string().meta({ description: "Stable public id of the call." }),
  received_at: z.iso.datetime().meta({
    description: "When the call was received, rounded down (UTC).",
    privacy: `Rounded to the ${rules.timeRounding} (${SENSITIVE}: the ${rules.sensitiveTimeRounding}) in the city's time zone; published ${rules.delayHours.csoActivities / 24} days after the call closed.`,
  }),
  time_precision: z
    .enum(["hour", "day"])
    .meta({ description: "Whether received_at is precise to the hour or only to the day." }),
  local_date: z.iso.date().meta({ description: "Date received in the city's time zone." }),
  local_hour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .nullable()
    .meta({ description: "Hour received (0-23), city time; null when only the day is published." }),
  category: z.string().meta({
    description: "Call type category (controlled vocabulary).",
    privacy: `Every sensitive category is published as "${rules.protectedCategory.code}" ("${rules.protectedCategory.label}"); the specific sensitive category appears only in rollups, under k = ${rules.minCount}.`,
  }),
  category_label: z.string().meta({ description: "Call type category in plain words." }),
  sensitive: z
    .boolean()
    .meta({ description: `True for ${SENSITIVE}: no area, no times finer than the day, no outcome.` }),
  call_source: z.enum(CSO_SOURCES).meta({ description: "How the call came in: 911, 311, or started by the officer." }),
  area: z.string().nullable().meta({ description: "Neighborhood slug; null for sensitive calls." }),
  area_name: z.string().nullable().meta({ description: "Neighborhood name." }),
  h3_cell: z
    .string()
    .nullable()
    .meta({
      description: "H3 cell of the call (hexagon index).",
      privacy: `Resolution ${rules.h3Resolution}; sparse cells merged into resolution ${rules.h3ParentResolution} or left out; sensitive calls resolution ${rules.sensitiveH3Resolution} at most. Never an address or exact point.`,
    }),
  h3_resolution: z.number().int().nullable().meta({ description: "Resolution of h3_cell." }),
  response_min: z.number().nullable().meta({
    description: "Minutes from call received to officer on scene (one decimal); null when not recorded or sensitive.",
  }),
  clear_min: z
    .number()
    .nullable()
    .meta({ description: "Minutes from call received to cleared (one decimal); null when not recorded or sensitive." }),
  outcome: z.enum(CSO_OUTCOMES).nullable().meta({ description: "How the call ended; null for sensitive calls." }),
  referrals: z.array(z.enum(REFERRAL_TYPES)).nullable().meta({
    description: "Services the person was referred to (in CSV: separated by semicolons); null for sensitive calls.",
  }),
  report_written: z.boolean().meta({
    description: "Whether the officer wrote a report.",
    privacy: "Report numbers and narratives are never published.",
  }),
  fingerprints_collected: z.boolean().meta({ description: "Whether fingerprints were collected." }),
  dna_collected: z.boolean().meta({ description: "Whether DNA was collected." }),
  sworn_backup_requested: z.boolean().meta({ description: "Whether a sworn deputy was called in as backup." }),
});

export const csoCallsDataset: DatasetDef = {
  slug: "cso-calls",
  title: "Community Safety Officer calls",
  summary:
    "Every published call handled by unarmed Community Safety Officers: type, source, generalized place, response and clearance times, outcome, referrals and whether sworn backup was needed.",
  pagePath: "/cso",
  cadence: `Daily; calls appear ${rules.delayHours.csoActivities / 24} days after they close`,
  source: "publication",
  publicationDataset: "cso",
  filters: csoCallsFilters,
  filterDocs: {
    from: "Calls received on or after this date (YYYY-MM-DD, city time)",
    to: "Calls received on or before this date (YYYY-MM-DD, city time)",
    category:
      'Call type category code; "protected" for every sensitive call type (a specific sensitive category is refused with 400)',
    source: `Source: ${CSO_SOURCES.join(", ")}`,
    area: "Neighborhood slug",
    outcome: `Outcome: ${CSO_OUTCOMES.join(", ")}`,
  },
  row: csoCallsRow,
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
