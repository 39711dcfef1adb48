// Rollout prioritization with weights in the address: a shared address ranks the same way, bad
// weights are refused in words, and the comparison with equal weights shows who moved.
import { describe, expect, it } from "vitest";
import {
  FACTOR_CATALOG,
  compareWithEqualWeights,
  parseWeights,
  rankAreas,
  weightsQuery,
  type Factor,
} from "@/lib/content/prioritization";

const areas = [
  { slug: "a", name: "Alpha", values: { calls: 90, cams: 2, people: 1000 } },
  { slug: "b", name: "Bravo", values: { calls: 40, cams: 9, people: 5000 } },
  { slug: "c", name: "Charlie", values: { calls: 60, cams: 5, people: 3000 } },
];
const factors: Factor[] = [
  { factor: "calls", label: "Calls", weight: 0.6, direction: "higher_is_better" },
  { factor: "cams", label: "Cameras", weight: 0.1, direction: "higher_is_better" },
  { factor: "people", label: "Residents", weight: 0.3, direction: "higher_is_better" },
];
const start = Object.fromEntries(factors.map((f) => [f.factor, f.weight]));
const withWeights = (w: Record<string, number>) => factors.map((f) => ({ ...f, weight: w[f.factor] }));

describe("prioritization weights in the address", () => {
  it("a shared address gives the same ranking as the page that shared it", () => {
    const chosen = { calls: 0.15, cams: 0.8, people: 0.05 };
    const shared = new URLSearchParams(weightsQuery(chosen));
    const { weights, errors, fromAddress } = parseWeights(Object.fromEntries(shared), start);
    expect(errors).toEqual([]);
    expect(fromAddress).toBe(true);
    expect(weights).toEqual(chosen);
    const original = rankAreas(areas, withWeights(chosen));
    const reloaded = rankAreas(areas, withWeights(weights));
    expect(reloaded.map((r) => [r.slug, r.rank, r.score])).toEqual(original.map((r) => [r.slug, r.rank, r.score]));
    // And it differs from the staff-set start, so the address carried the choice.
    expect(rankAreas(areas, factors).map((r) => r.slug)).not.toEqual(reloaded.map((r) => r.slug));
  });

  it("keeps the starting weight for a missing or malformed one, and says why", () => {
    const r = parseWeights({ "w.calls": "abc", "w.cams": "250", "w.people": "40", "w.unknown": "5" }, start);
    expect(r.weights).toEqual({ calls: 0.6, cams: 0.1, people: 0.4 });
    expect(r.errors).toEqual([
      "the weight for calls must be a whole number from 0 to 100",
      "the weight for cams must be a whole number from 0 to 100",
    ]);
    expect(r.invalid).toEqual(["calls", "cams"]);
    expect(parseWeights({}, start)).toEqual({ weights: start, errors: [], invalid: [], fromAddress: false });
  });

  it("shows each area's rank under equal weights beside the chosen one", () => {
    const cmp = compareWithEqualWeights(areas, withWeights({ calls: 0, cams: 1, people: 0 }));
    expect(cmp.map((c) => c.slug)).toEqual(["b", "c", "a"]);
    const equal = rankAreas(
      areas,
      factors.map((f) => ({ ...f, weight: 1 })),
    );
    for (const c of cmp) {
      expect(c.equalRank).toBe(equal.find((e) => e.slug === c.slug)!.rank);
      expect(c.moved).toBe(c.equalRank - c.rank);
    }
  });

  it("every factor names its source and method", () => {
    for (const f of FACTOR_CATALOG) {
      expect(f.source.length).toBeGreaterThan(20);
      expect(f.method.length).toBeGreaterThan(20);
    }
  });
});
