// Rollout prioritization: each area's factors are scaled 0..1 across areas (min-max, flipped
// when lower is better), multiplied by the staff-set weight share, and summed to a 0-100 score.
import { SUPPRESSED_LABEL } from "../publish/rules/suppression";

export type Factor = { factor: string; label: string; weight: number; direction: "lower_is_better" | "higher_is_better" };
export type AreaFactors = { slug: string; name: string; values: Record<string, number | null> };
export type Contribution = { factor: string; raw: number | null; scaled: number; points: number };
export type RankedArea = { slug: string; name: string; rank: number; score: number; contributions: Contribution[] };

export function rankAreas(areas: AreaFactors[], factors: Factor[]): RankedArea[] {
  const totalWeight = factors.reduce((s, f) => s + Math.max(0, f.weight), 0);
  const ranges = new Map(
    factors.map((f) => {
      const vals = areas.map((a) => a.values[f.factor]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      return [f.factor, { min: Math.min(...vals), max: Math.max(...vals) }];
    }),
  );
  const scored = areas.map((a) => {
    const contributions = factors.map((f) => {
      const raw = a.values[f.factor] ?? null;
      const r = ranges.get(f.factor)!;
      // A missing value scores 0: an area is never pushed up by data it does not have.
      let scaled = 0;
      if (raw !== null && Number.isFinite(raw)) {
        scaled = r.max > r.min ? (raw - r.min) / (r.max - r.min) : 1;
        if (f.direction === "lower_is_better") scaled = r.max > r.min ? 1 - scaled : 1;
      }
      const share = totalWeight > 0 ? Math.max(0, f.weight) / totalWeight : 0;
      return { factor: f.factor, raw, scaled, points: scaled * share * 100 };
    });
    return { slug: a.slug, name: a.name, score: contributions.reduce((s, c) => s + c.points, 0), contributions };
  });
  scored.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name));
  return scored.map((s, i) => ({ ...s, rank: i + 1 }));
}

/** A factor the portal can compute from published data, with where it comes from and how. */
export type FactorDef = Factor & { defaultWeight: number; source: string; method: string };

/**
 * The factors, all from data the portal publishes. Staff set the starting weights (and may flip a
 * direction) in prioritization_weights; a factor without a staff row starts at its default weight.
 */
export const FACTOR_CATALOG: FactorDef[] = [
  {
    factor: "calls_per_1000",
    label: "Calls for service per 1,000 residents",
    weight: 0.3,
    defaultWeight: 0.3,
    direction: "higher_is_better",
    source: "Published drone flights and Community Safety Officer calls since launch, by area",
    method:
      `Calls in the area (drone flights plus CSO calls, each counted once) divided by its residents, times 1,000. An area whose count is shown as ${SUPPRESSED_LABEL} gets no figure.`,
  },
  {
    factor: "existing_public_cameras",
    label: "Existing public cameras",
    weight: 0.2,
    defaultWeight: 0.2,
    direction: "higher_is_better",
    source: "Published camera inventory (police, street lighting, transportation and general services networks)",
    method:
      "Active fixed and PTZ cameras owned by the city or a partner agency in the area; each can be integrated at little cost.",
  },
  {
    factor: "community_concerns_per_1000",
    label: "Community feedback per 1,000 residents",
    weight: 0.2,
    defaultWeight: 0.2,
    direction: "lower_is_better",
    source:
      "Feedback and complaints residents filed through this portal's form, naming the area or about a flight or camera access in it (counted at each publication)",
    method:
      `Each message counted once, in the area the resident chose on the form or else the area of the record it is about (messages closed without action left out), divided by the area's residents, times 1,000; ${SUPPRESSED_LABEL} in an area counts as no figure. By default more feedback ranks an area later.`,
  },
  {
    factor: "population",
    label: "Residents",
    weight: 0.1,
    defaultWeight: 0.1,
    direction: "higher_is_better",
    source: "Area populations in the city configuration (census figures)",
    method: "Residents of the area: more residents served ranks an area earlier.",
  },
  {
    factor: "surveillance_per_1000",
    label: "Past surveillance per 1,000 residents",
    weight: 0.2,
    defaultWeight: 0.2,
    direction: "lower_is_better",
    source: "Published drone flights and camera accesses since launch, by area",
    method:
      "Flights over and camera accesses in the area per 1,000 residents: areas already watched most rank later, so new tools do not pile up on the same residents.",
  },
];

export type Weights = Record<string, number>;

/** Weights in an address: w.<factor>=0..100 (whole numbers). */
export function weightsQuery(weights: Weights): string {
  return Object.entries(weights)
    .map(([k, v]) => `w.${encodeURIComponent(k)}=${Math.round(v * 100)}`)
    .join("&");
}

/**
 * Reads the weights of a shared address over the starting ones. A missing weight keeps its start;
 * a malformed one (not a whole number from 0 to 100) keeps its start and is reported in words.
 */
export function parseWeights(
  query: Record<string, string | string[] | undefined>,
  start: Weights,
): { weights: Weights; errors: string[]; invalid: string[]; fromAddress: boolean } {
  const weights = { ...start };
  const errors: string[] = [];
  // The factors whose weight was malformed (for a page that words the errors in its own language).
  const invalid: string[] = [];
  let fromAddress = false;
  for (const key of Object.keys(start)) {
    const raw = query[`w.${key}`];
    if (raw === undefined) continue;
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (!/^\d{1,3}$/.test(v.trim()) || Number(v) > 100) {
      errors.push(`the weight for ${key.replace(/_/g, " ")} must be a whole number from 0 to 100`);
      invalid.push(key);
      continue;
    }
    weights[key] = Number(v) / 100;
    fromAddress = true;
  }
  return { weights, errors, invalid, fromAddress };
}

export type RankComparison = { slug: string; name: string; rank: number; equalRank: number; moved: number };

/** Each area's rank under the chosen weights beside its rank under equal weights (positive moved = up). */
export function compareWithEqualWeights(areas: AreaFactors[], factors: Factor[]): RankComparison[] {
  const chosen = rankAreas(areas, factors);
  const equal = new Map(rankAreas(areas, factors.map((f) => ({ ...f, weight: 1 }))).map((r) => [r.slug, r.rank]));
  return chosen.map((r) => {
    const equalRank = equal.get(r.slug) ?? r.rank;
    return { slug: r.slug, name: r.name, rank: r.rank, equalRank, moved: equalRank - r.rank };
  });
}
