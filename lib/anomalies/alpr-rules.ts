// Rules over plate-reader searches.
import type { AnomalyConfig } from "./config";
import { hasValue, type AlprSearch, type Flag } from "./types";

export function alprNoCaseNumber(s: AlprSearch, cfg: AnomalyConfig): Flag | null {
  if (!cfg.noCaseNumber.alprSearches || hasValue(s.caseNumber)) return null;
  return {
    recordType: "alpr_search",
    recordId: s.id,
    rule: "no_case_number",
    occurredAt: s.searchedAt,
    explanation: "The plate search has no case number, so it cannot be tied to an investigation.",
    details: {},
  };
}

/** A search run by an outside agency with no case number: the city's data left without a case. */
export function alprOutsideNoCase(s: AlprSearch, homeAgencyIds: Set<number>): Flag | null {
  if (homeAgencyIds.has(s.agencyId) || hasValue(s.caseNumber)) return null;
  return {
    recordType: "alpr_search",
    recordId: s.id,
    rule: "export_no_case",
    occurredAt: s.searchedAt,
    explanation: "An outside agency searched the city's plate-reader data without a case number.",
    details: { agencyId: s.agencyId },
  };
}
