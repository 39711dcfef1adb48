// Rules over plate-reader searches: the findings real audits of these systems turn up (searches
// with no case, across hundreds of networks or out of state, one plate looked up by many users).
import type { AnomalyConfig } from "./config";
import { outOfStateNetworks } from "./states";
import { hasValue, type AlprSearch, type Flag } from "./types";

/** No case number: one flag, naming an outside agency when the city's data left with the search. */
export function alprNoCaseNumber(s: AlprSearch, cfg: AnomalyConfig, homeAgencyIds?: Set<number>): Flag | null {
  if (!cfg.noCaseNumber.alprSearches || hasValue(s.caseNumber)) return null;
  const outside = homeAgencyIds !== undefined && !homeAgencyIds.has(s.agencyId);
  return {
    recordType: "alpr_search",
    recordId: s.id,
    rule: "no_case_number",
    occurredAt: s.searchedAt,
    explanation: outside
      ? "An outside agency searched the city's plate-reader data without a case number, so the search cannot be tied to an investigation."
      : "The plate search has no case number, so it cannot be tied to an investigation.",
    details: outside ? { agencyId: s.agencyId, outsideAgency: true } : {},
  };
}

/** A search across more than N networks or devices, or reaching agencies in another state. */
export function wideSearch(s: AlprSearch, cfg: AnomalyConfig): Flag | null {
  const { maxNetworks, maxDevices, homeState } = cfg.wideSearch;
  const networks = s.networkCount ?? s.networks?.length ?? 1;
  const devices = s.devicesSearched ?? null;
  const outOfState = outOfStateNetworks(s.networks ?? [], homeState);
  const reasons: string[] = [];
  if (networks > maxNetworks)
    reasons.push(`${networks.toLocaleString("en-US")} networks (the limit is ${maxNetworks})`);
  if (devices !== null && devices > maxDevices)
    reasons.push(`${devices.toLocaleString("en-US")} cameras (the limit is ${maxDevices.toLocaleString("en-US")})`);
  if (outOfState.length > 0)
    reasons.push(
      `${outOfState.length} out-of-state network${outOfState.length === 1 ? "" : "s"} (${outOfState.slice(0, 3).join(", ")}${outOfState.length > 3 ? ", …" : ""})`,
    );
  if (reasons.length === 0) return null;
  return {
    recordType: "alpr_search",
    recordId: s.id,
    rule: "wide_search",
    occurredAt: s.searchedAt,
    explanation: `The plate search reached ${reasons.join(" and ")}: a search this wide shares the city's data far beyond a local investigation.`,
    details: { networks, devices, outOfState: outOfState.slice(0, 20) },
  };
}

/** The same plate (by its keyed hash) searched by at least minUsers different users within withinDays. */
export function sharedPlate(searches: AlprSearch[], cfg: AnomalyConfig): Flag[] {
  const { minUsers, withinDays } = cfg.sharedPlate;
  const windowMs = withinDays * 86_400_000;
  const byPlate = new Map<string, AlprSearch[]>();
  for (const s of searches) {
    if (!hasValue(s.plateHmac) || s.personnelId === undefined) continue;
    const list = byPlate.get(s.plateHmac!);
    if (list) list.push(s);
    else byPlate.set(s.plateHmac!, [s]);
  }
  const flags: Flag[] = [];
  const at = (s: AlprSearch) => s.searchedAt.getTime();
  for (const list of byPlate.values()) {
    if (list.length < minUsers) continue;
    list.sort((a, b) => at(a) - at(b));
    // The searches within the window either side of each, as two pointers over the sorted list:
    // a plate searched thousands of times is one pass, not a scan of the list per search.
    const users = new Map<number | undefined, number>();
    let lo = 0;
    let hi = 0;
    for (const s of list) {
      const t = at(s);
      for (; hi < list.length && at(list[hi]) - t <= windowMs; hi++)
        users.set(list[hi].personnelId, (users.get(list[hi].personnelId) ?? 0) + 1);
      for (; t - at(list[lo]) > windowMs; lo++) {
        const n = users.get(list[lo].personnelId)! - 1;
        if (n === 0) users.delete(list[lo].personnelId);
        else users.set(list[lo].personnelId, n);
      }
      if (users.size < minUsers) continue;
      flags.push({
        recordType: "alpr_search",
        recordId: s.id,
        rule: "shared_plate",
        occurredAt: s.searchedAt,
        explanation: `The same plate was searched by ${users.size} different users within ${withinDays} days of this search: check that each had a case, and that no one is tracking a person.`,
        details: { users: users.size, withinDays },
      });
    }
  }
  return flags;
}
