// Review findings (possible rule breaches flagged for council staff), as counts by type and status.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { optionalEnum, optionalSlug } from "../filters";
import type { DatasetDef } from "../types";

export const FINDING_STATUSES = ["open", "closed", "all"] as const;

export const findingsCountsFilters = z.object({
  finding_type: optionalSlug(),
  status: optionalEnum(FINDING_STATUSES),
});

export const findingsCountsRow = z.object({
  finding_type: z.string().meta({
    description:
      'Kind of finding (e.g. a flight with no linked call, an access with no case number); "all" is the total over every type.',
  }),
  status: z
    .enum(FINDING_STATUSES)
    .meta({ description: 'open: still under review; closed: reviewed and closed; "all": both.' }),
  count: z
    .number()
    .int()
    .nullable()
    .meta({
      description: "Number of findings.",
      privacy: `Complementary suppression: when one count in a row or column is hidden, the next smallest is hidden too, so no hidden count can be worked out by subtracting from a total (k = ${rules.minCount}).`,
    }),
  suppressed: z
    .boolean()
    .meta({ description: "True when count is hidden because it is between 1 and 10, or would reveal such a count." }),
});

export const findingsCountsDataset: DatasetDef = {
  slug: "findings-counts",
  title: "Review findings counts",
  summary: "How many possible rule breaches council staff flagged, by type, open and closed.",
  pagePath: "/council",
  cadence: "Daily, with each publication",
  source: "publication",
  publicationDataset: "findings",
  filters: findingsCountsFilters,
  filterDocs: {
    finding_type: 'Kind of finding, or "all" for the totals',
    status: `Status: ${FINDING_STATUSES.join(", ")}`,
  },
  row: findingsCountsRow,
  suppressible: ["count"],
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
