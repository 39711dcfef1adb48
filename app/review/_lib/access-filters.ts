// URL → filters for the camera access list, timelines and exports (one parser for all three).
import type { AccessFilters } from "@/db/queries/review/access";
import { enumParam, idParam, parseCommon } from "./format";

export function accessFiltersFrom(p: Record<string, string>): {
  filters: AccessFilters;
  errors: Record<string, string>;
} {
  const c = parseCommon(p);
  return {
    errors: c.errors,
    filters: {
      q: c.q,
      from: c.from,
      to: c.to,
      personnelId: idParam(p.user),
      cameraId: idParam(p.camera),
      agencyId: idParam(p.agency),
      operation: enumParam(p.operation, ["live_view", "playback", "export", "share"] as const),
      caseNumber: enumParam(p.case, ["with", "without"] as const),
      flagged: p.flagged === "1" ? true : undefined,
    },
  };
}
