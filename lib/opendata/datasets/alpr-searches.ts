// Plate-reader searches: when, by whom (pseudonym, role, agency), why, for which offense type.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { searchLogFilters } from "../../cameras/log-filters";
import { ALPR_REASONS } from "../../cameras/vocab";
import { checkRange } from "../filters";
import type { DatasetDef } from "../types";

/** The search log page's own filter schema (same names, same values), plus the date-range check. */
export const alprSearchesFilters = searchLogFilters.superRefine(checkRange);

export const alprSearchesRow = z.object({
  id: z.string().meta({ description: "Stable public id of the search." }),
  hour: z.iso.datetime().meta({
    description: "Time of the search, rounded down to the hour (UTC).",
    privacy: `Rounded to the ${rules.timeRounding} in the city's time zone; published ${rules.delayHours.alprSearches / 24} days later.`,
  }),
  local_date: z.iso.date().meta({ description: "Date of the search in the city's time zone." }),
  user: z.string().meta({
    description: "Pseudonym of the person who searched.",
    privacy: "A keyed hash of the account: names are never published.",
  }),
  user_role: z.string().meta({ description: "Role of that person." }),
  agency: z.string().meta({ description: "Agency of that person." }),
  reason: z.enum(ALPR_REASONS).meta({
    description: "Reason category.",
    privacy: "A controlled category derived from the reason given; the free text is never published.",
  }),
  offense_type: z.string().meta({ description: "Offense type category." }),
  linked_to_case: z.boolean().meta({
    description: "Whether a case number was given.",
    privacy: "Case numbers are never published: only yes or no.",
  }),
  network_count: z.number().int().meta({ description: "Number of plate-reader networks searched." }),
  networks: z.array(z.string()).meta({ description: "Networks searched (in CSV: separated by semicolons)." }),
});

export const alprSearchesDataset: DatasetDef = {
  slug: "plate-reader-searches",
  title: "Plate-reader searches",
  summary:
    "Every search of plate-reader data: the hour, pseudonymous user, role, agency, reason and offense type, and whether a case number was given.",
  pagePath: "/plate-readers",
  pageFilters: true,
  cadence: `Daily; searches appear ${rules.delayHours.alprSearches / 24} days later`,
  source: "publication",
  publicationDataset: "alpr",
  filters: alprSearchesFilters,
  filterDocs: {
    from: "Searches on or after this date (YYYY-MM-DD, city time)",
    to: "Searches on or before this date (YYYY-MM-DD, city time)",
    reason: `Reason category: ${ALPR_REASONS.join(", ")}`,
    offense: "Offense type, exactly as published",
    agency: "Agency name, exactly as published",
    user: "User pseudonym, e.g. user-7f3a2b",
    linked: "yes: a case number was given; no: none was",
  },
  row: alprSearchesRow,
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
