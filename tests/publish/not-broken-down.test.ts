// A week whose cells are all "fewer than 11" still shows its total (11 or more), drawn as
// "not broken down", so the chart never shows an empty week the log says was busy.
import { describe, expect, it } from "vitest";
import { NOT_BROKEN_DOWN, tableRows } from "../../lib/rollups";
import { tableBreakdown } from "../../server/publish/rollups";
import { suppressTable } from "../../lib/publish/rules/suppression";
import { recoverBySubtraction } from "./attacker";

// Weeks × reasons: A has 36 searches, each reason fewer than 11; B has 3; C is busy.
const weeks = [
  { key: "2026-10-05", label: "A" },
  { key: "2026-10-12", label: "B" },
  { key: "2026-10-19", label: "C" },
];
const reasons = ["r1", "r2", "r3", "r4"].map((k) => ({ key: k, label: k }));
const values = [
  [9, 9, 9, 9],
  [3, 0, 0, 0],
  [50, 50, 50, 50],
];

describe("row totals survive complementary suppression", () => {
  it("a busy row whose cells are all suppressed keeps its total; a small one does not", () => {
    const t = suppressTable(values);
    expect(t.cells[0].every((c) => c.suppressed)).toBe(true);
    expect(t.rowTotals[0]).toEqual({ value: 36, suppressed: false });
    expect(t.rowTotals[1].suppressed).toBe(true);
    expect(t.rowTotals[2]).toEqual({ value: 200, suppressed: false });
  });

  it("and still nothing suppressed can be recovered by subtraction", () => {
    const t = suppressTable(values);
    // Only small (1..10) values count as a leak; recovering a published-size value is harmless.
    expect(recoverBySubtraction(t).filter((x) => x.value > 0 && x.value < 11)).toEqual([]);
  });

  it("the chart and its table draw the rest as 'not broken down'", () => {
    const counts = new Map<string, number>();
    weeks.forEach((w, i) => reasons.forEach((r, j) => counts.set(`${w.key}|${r.key}`, values[i][j])));
    const b = tableBreakdown("alpr", "week_reason", "since_launch", weeks, reasons, counts);
    const chart = tableRows(
      b.rows.map((r) => ({
        key: r.key,
        key2: r.key2 ?? "",
        label: r.label,
        label2: r.label2 ?? "",
        count: r.count ?? null,
        suppressed: r.suppressed,
        value: r.value ?? null,
        ord: r.ord ?? 0,
      })),
      { dateKeys: true },
    );
    expect(chart.series.map((s) => s.key)).toContain(NOT_BROKEN_DOWN.key);
    const [a, small, busy] = chart.rows;
    expect(a.values[NOT_BROKEN_DOWN.key]).toBe(36);
    expect(reasons.every((r) => a.values[r.key] === null)).toBe(true);
    // A week with a hidden total shows nothing more; in any other week the parts add up to the total.
    expect(small.values[NOT_BROKEN_DOWN.key]).toBe(0);
    const parts = Object.values(busy.values).reduce<number>((x, v) => x + (v ?? 0), 0);
    expect(parts).toBe(200);
  });
});
