import { describe, expect, it } from "vitest";
import {
  csvCount,
  displayCount,
  suppressCount,
  suppressSeries,
  suppressTable,
} from "../../lib/publish/rules/suppression";
import { recoverBySubtraction } from "./attacker";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe("small-count suppression", () => {
  it("hides 1..10, shows 0 and 11+", () => {
    expect(suppressCount(0)).toEqual({ value: 0, suppressed: false });
    for (let n = 1; n <= 10; n++) expect(suppressCount(n)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(11)).toEqual({ value: 11, suppressed: false });
    expect(() => suppressCount(-1)).toThrow();
  });
  it("says it in plain words and in CSV", () => {
    expect(displayCount(suppressCount(4))).toBe("fewer than 11");
    expect(displayCount(suppressCount(1234))).toBe("1,234");
    expect(csvCount(suppressCount(4))).toBe("<11");
    expect(csvCount(suppressCount(0))).toBe("0");
  });
});

describe("complementary suppression", () => {
  it("hides a second cell in a row when one is small and the total is shown", () => {
    const t = suppressTable([[5, 40, 30]]);
    expect(t.cells[0][0].suppressed).toBe(true);
    expect(t.cells[0][2].suppressed).toBe(true); // next-smallest
    expect(t.cells[0][1]).toEqual({ value: 40, suppressed: false });
    expect(recoverBySubtraction(t)).toEqual([]);
  });

  it("the attacker recovers a value when only primary suppression is applied (the attack works)", () => {
    const naive = {
      cells: [[5, 40, 30].map((v) => suppressCount(v))],
      rowTotals: [suppressCount(75)],
      colTotals: [5, 40, 30].map((v) => suppressCount(v)),
      total: suppressCount(75),
    };
    expect(recoverBySubtraction(naive)).toContainEqual({ i: 0, j: 0, value: 5 });
  });

  it("no suppressed value is recoverable in 300 random tables", () => {
    const rand = rng(42);
    for (let n = 0; n < 300; n++) {
      const rows = 1 + Math.floor(rand() * 7);
      const cols = 1 + Math.floor(rand() * 6);
      const values = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => {
          const x = rand();
          return x < 0.25 ? 0 : x < 0.6 ? 1 + Math.floor(rand() * 10) : Math.floor(rand() * 200);
        }),
      );
      const t = suppressTable(values);
      expect(recoverBySubtraction(t)).toEqual([]);
      // Every published value is the true one, and every small value is hidden.
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const c = t.cells[i][j];
          if (!c.suppressed) expect(c.value).toBe(v);
          if (v > 0 && v < 11) expect(c.suppressed).toBe(true);
        }),
      );
    }
  });

  it("series keep their total safe", () => {
    const s = suppressSeries([3, 50, 60, 0]);
    expect(s.cells.map((c) => c.suppressed)).toEqual([true, true, false, false]);
    expect(s.total).toEqual({ value: 113, suppressed: false });
    expect(recoverBySubtraction({ cells: [s.cells], rowTotals: [s.total] })).toEqual([]);
  });

  it("a small total hides its cells", () => {
    const s = suppressSeries([3, 4]);
    expect(s.total.suppressed).toBe(true);
    expect(s.cells.every((c) => c.suppressed)).toBe(true);
  });
});
