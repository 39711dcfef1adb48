// Each publication run that succeeded: when, under which rules, how many rows and hidden cells.
import { z } from "zod";
import { checkRange, optionalDate } from "../filters";
import type { DatasetDef } from "../types";

export const publicationsFilters = z.object({ from: optionalDate(), to: optionalDate() }).superRefine(checkRange);

export const publicationsRow = z.object({
  id: z.number().int().meta({ description: "Publication run number; higher is newer." }),
  as_of: z.iso.datetime().meta({
    description:
      "The publication's reference time: each dataset holds events that ended before this moment minus its publication delay.",
  }),
  published_at: z.iso
    .datetime()
    .nullable()
    .meta({ description: "When the run finished and its tables replaced the previous ones." }),
  rules_version: z.string().meta({ description: "Version of the privacy rules applied (see /data/methodology)." }),
  trigger: z.string().meta({ description: "What started the run: cli, schedule, import or setup." }),
  source_rows: z.number().int().meta({ description: "Raw records read, all datasets together." }),
  published_rows: z
    .number()
    .int()
    .meta({ description: "Rows written to the published tables, all datasets together." }),
  cells_suppressed: z.number().int().meta({
    description:
      "Counts hidden because they were between 1 and 10, or because they could be worked out from other published numbers.",
  }),
});

export const publicationsDataset: DatasetDef = {
  slug: "publications",
  title: "Publication runs",
  summary:
    "Every successful publication of the public record: its time, privacy rules version, row counts and hidden cells.",
  pagePath: "/data/methodology",
  cadence: "A new row after every publication (daily, and after each import)",
  source: "publication",
  filters: publicationsFilters,
  filterDocs: {
    from: "Runs with as_of on or after this date (YYYY-MM-DD)",
    to: "Runs with as_of on or before this date (YYYY-MM-DD)",
  },
  row: publicationsRow,
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
