import { describe, expect, it } from "vitest";
import { weightedMedian } from "@/lib/content/weighted-median";

/** The plain median of the values repeated by their counts (what percentile_cont(0.5) gives). */
function expanded(pairs: { value: number; n: number }[]): number | null {
  const xs = pairs.flatMap((p) => Array.from({ length: p.n }, () => p.value)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

describe("weightedMedian", () => {
  it("matches the median of the expanded values, odd and even totals, unsorted input", () => {
    const cases = [
      [{ value: 3, n: 1 }],
      [{ value: 5, n: 2 }, { value: 1, n: 2 }],
      [{ value: 2.5, n: 3 }, { value: 1.2, n: 1 }, { value: 9, n: 4 }],
      [{ value: 1, n: 5 }, { value: 2, n: 5 }],
      [{ value: 4, n: 0 }, { value: 7, n: 1 }, { value: 6, n: 2 }],
    ];
    for (const c of cases) expect(weightedMedian(c)).toBe(expanded(c));
    expect(weightedMedian([{ value: 1, n: 5 }, { value: 2, n: 5 }])).toBe(1.5);
  });

  it("has no median without values", () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ value: 3, n: 0 }])).toBeNull();
  });
});
