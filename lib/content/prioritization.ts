// Rollout prioritization: each area's factors are scaled 0..1 across areas (min-max, flipped
// when lower is better), multiplied by the staff-set weight share, and summed to a 0-100 score.
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
