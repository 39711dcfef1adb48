import type { AlprFilters } from "@/db/queries/review/alpr";
import { enumParam, idParam, parseCommon } from "./format";

export function alprFiltersFrom(p: Record<string, string>): { filters: AlprFilters; errors: Record<string, string> } {
  const c = parseCommon(p);
  return {
    errors: c.errors,
    filters: {
      q: c.q,
      from: c.from,
      to: c.to,
      agencyId: idParam(p.agency),
      personnelId: idParam(p.user),
      caseNumber: enumParam(p.case, ["with", "without"] as const),
      flagged: p.flagged === "1" ? true : undefined,
    },
  };
}
