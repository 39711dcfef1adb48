// Privately owned cameras integrated into the watch center: only how many per area.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { optionalSlug } from "../filters";
import type { DatasetDef } from "../types";

export const privateCamerasFilters = z.object({ area: optionalSlug() });

export const privateCamerasRow = z.object({
  area: z.string().meta({ description: 'Neighborhood slug, or "all" for the city total.' }),
  area_name: z.string().meta({ description: "Neighborhood name." }),
  count: z
    .number()
    .int()
    .nullable()
    .meta({
      description: "Private cameras integrated into the watch center in the area.",
      privacy: `Never named or located. Complementary suppression against the city total (k = ${rules.minCount}).`,
    }),
  suppressed: z
    .boolean()
    .meta({ description: "True when count is hidden because it is between 1 and 10, or would reveal such a count." }),
});

export const privateCamerasDataset: DatasetDef = {
  slug: "private-cameras-by-area",
  title: "Private cameras by area",
  summary: "How many privately owned cameras are integrated into the watch center, per neighborhood.",
  pagePath: "/cameras",
  cadence: "Daily, with each publication",
  source: "publication",
  publicationDataset: "cameras",
  filters: privateCamerasFilters,
  filterDocs: { area: 'Neighborhood slug, or "all" for the total' },
  row: privateCamerasRow,
  suppressible: ["count"],
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
