import { describe, expect, it } from "vitest";
import { labelEvery, niceTicks } from "../../lib/charts/scale";

describe("chart axes", () => {
  it("round ticks from 0 that cover the largest value", () => {
    expect(niceTicks(87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(1234)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(niceTicks(3, { integer: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.6)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0)).toEqual([0, 1]);
    for (const max of [1, 7, 11, 99, 100, 101, 5555, 123456]) {
      const t = niceTicks(max, { integer: true });
      expect(t[0]).toBe(0);
      expect(t.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(t.length).toBeLessThanOrEqual(11);
      expect(t.every((v) => Number.isInteger(v))).toBe(true);
    }
  });

  it("prints fewer category labels when they would overlap", () => {
    expect(labelEvery(24, 2, 640)).toBe(1);
    expect(labelEvery(52, 6, 640)).toBeGreaterThan(1);
    expect(labelEvery(52, 6, 290)).toBeGreaterThan(labelEvery(52, 6, 640));
    expect(labelEvery(0, 5, 300)).toBe(1);
  });
});
