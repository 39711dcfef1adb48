// The published drone flight log: one row per flight, generalized per the privacy rules.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { checkRange, optionalDate, optionalEnum, optionalSlug, optionalYesNo } from "../filters";
import type { DatasetDef } from "../types";

export const FLIGHT_OUTCOMES = [
  "cleared_no_patrol",
  "patrol_dispatched",
  "arrest",
  "no_action",
  "cancelled",
  "other",
] as const;

export const droneFlightsFilters = z
  .object({
    from: optionalDate(),
    to: optionalDate(),
    category: optionalSlug(),
    area: optionalSlug(),
    outcome: optionalEnum(FLIGHT_OUTCOMES),
    linked: optionalYesNo(),
  })
  .superRefine(checkRange);

const SENSITIVE =
  "Sensitive categories (domestic violence, sexual assault, child abuse or juvenile, mental health, medical, welfare checks)";

export const droneFlightsRow = z.object({
  id: z.string().meta({ description: "Stable public flight id; the permalink is /drones/flights/<id>." }),
  started_at: z.iso.datetime().meta({
    description: "Launch time, rounded down (UTC).",
    privacy: `Rounded to the ${rules.timeRounding} (${SENSITIVE.toLowerCase()}: the ${rules.sensitiveTimeRounding}) in the city's time zone; published ${rules.delayHours.droneFlights} hours after the flight (${rules.delayHours.droneFlightsSensitive} for sensitive categories).`,
  }),
  time_precision: z
    .enum(["hour", "day"])
    .meta({ description: "Whether started_at is precise to the hour or only to the day." }),
  local_date: z.iso.date().meta({ description: "Launch date in the city's time zone." }),
  local_hour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .nullable()
    .meta({ description: "Launch hour (0-23) in the city's time zone; null when only the day is published." }),
  category: z.string().meta({
    description: "Call type category (controlled vocabulary).",
    privacy: `Every sensitive category is published as "${rules.protectedCategory.code}" ("${rules.protectedCategory.label}"); the specific sensitive category appears only in rollups, under k = ${rules.minCount}.`,
  }),
  category_label: z.string().meta({ description: "Call type category in plain words." }),
  sensitive: z
    .boolean()
    .meta({ description: `True for ${SENSITIVE}: these publish no path, no area, no outcome and only the day.` }),
  area: z.string().nullable().meta({ description: "Neighborhood slug of the scene; null for sensitive flights." }),
  area_name: z.string().nullable().meta({ description: "Neighborhood name of the scene." }),
  h3_cell: z
    .string()
    .nullable()
    .meta({
      description: "H3 cell of the scene (hexagon index).",
      privacy: `Resolution ${rules.h3Resolution}; cells with fewer than ${rules.minCount} flights are merged into their resolution-${rules.h3ParentResolution} parent or left out (null); sensitive flights: resolution ${rules.sensitiveH3Resolution} at most. Never an exact point.`,
    }),
  h3_resolution: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Resolution of h3_cell (8, or 7 when merged or sensitive)." }),
  dock: z.string().nullable().meta({ description: "Launch dock slug (docks are disclosed city sites)." }),
  dock_name: z.string().nullable().meta({ description: "Launch dock name." }),
  dock_site: z.string().nullable().meta({ description: "Building or intersection of the dock." }),
  duration_min: z.number().int().meta({ description: "Minutes from launch to landing." }),
  time_to_scene_min: z
    .number()
    .nullable()
    .meta({ description: "Minutes from dispatch to on scene, one decimal; null when not recorded or sensitive." }),
  outcome: z.enum(FLIGHT_OUTCOMES).nullable().meta({ description: "How the call ended; null for sensitive flights." }),
  first_on_scene: z.boolean().nullable().meta({ description: "Whether the drone arrived before any patrol unit." }),
  linked_to_call: z.boolean().meta({
    description: "Whether the flight was launched for a call for service.",
    privacy: "Call and case numbers are never published: only yes or no.",
  }),
  has_path: z.boolean().meta({
    description: "Whether a flight path is published on the flight's page.",
    privacy: `Paths drop the last ${rules.pathTrimMeters} m before the destination and every point in its resolution-${rules.h3Resolution} cell, keep at most ${rules.pathMaxPoints} points at ${rules.coordinateDecimals} decimals; sensitive flights have none.`,
  }),
});

export const droneFlightsDataset: DatasetDef = {
  slug: "drone-flights",
  title: "Drone flight log",
  summary:
    "Every published drone-as-first-responder flight: when (to the hour), why (call type), where (generalized), how long, and the outcome.",
  pagePath: "/drones/flights",
  pageFilters: true,
  cadence: "Daily; flights appear 24 hours after landing (7 days for sensitive calls)",
  source: "publication",
  publicationDataset: "drones",
  filters: droneFlightsFilters,
  filterDocs: {
    from: "Flights launched on or after this date (YYYY-MM-DD, city time)",
    to: "Flights launched on or before this date (YYYY-MM-DD, city time)",
    category:
      'Call type category code, e.g. traffic_collision; "protected" for every sensitive call type (a specific sensitive category is refused with 400)',
    area: "Neighborhood slug",
    outcome: `Outcome: ${FLIGHT_OUTCOMES.join(", ")}`,
    linked: "yes: launched for a call for service; no: no linked call",
  },
  row: droneFlightsRow,
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
