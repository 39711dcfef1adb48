// The Community Safety and Well-Being strategy: plain words for its service areas and phases, and
// where a phase stands on a given day.
import type { ServiceArea, StrategyPhase } from "../vocab";

export const SERVICE_AREA_LABELS: Record<ServiceArea, string> = {
  law_enforcement_emergency: "Law Enforcement and Emergency Response",
  neighborhood_livability: "Neighborhood Livability",
  health_human_services: "Health and Human Services",
};

export const PHASE_LABELS: Record<StrategyPhase, string> = {
  strategy_development: "Phase 1: strategy development",
  community_engagement: "Phase 2: community engagement",
  implementation: "Phase 3: implementation",
};

export type PhaseStatus = "not started" | "under way" | "complete";

/** A phase is under way from its first day through its last (open-ended: until it is given an end). */
export function phaseStatus(p: { startsOn: string; endsOn: string | null }, today: string): PhaseStatus {
  if (today < p.startsOn) return "not started";
  if (p.endsOn !== null && today > p.endsOn) return "complete";
  return "under way";
}
