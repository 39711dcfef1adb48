// The one rollup presenter (lib/rollups.ts) on rows the one builder (server/publish/rollups.ts)
// writes: a weeks × columns table labelled by column reads back as one chart row per week and one
// series per column, withheld cells as null; figures say which events were too few.
import { describe, expect, it } from "vitest";
import { tableBreakdown } from "../../server/publish/rollups";
import { figureText, pairRows, seriesRows, weekColumnsChart, type BreakdownRow } from "../../lib/rollups";

const asRead = (rows: ReturnType<typeof tableBreakdown>["rows"]): BreakdownRow[] =>
  rows.map((r) => ({
    key: r.key,
    key2: r.key2 ?? "",
    label: r.label,
    label2: r.label2 ?? "",
    count: r.count ?? null,
    suppressed: r.suppressed,
    value: r.value ?? null,
    ord: r.ord ?? 0,
  }));

describe("rollup presenter", () => {
  const weeks = [
    { key: "2026-03-02", label: "2026-03-02" },
    { key: "2026-03-09", label: "2026-03-09" },
  ];
  const cols = [
    { key: "911", label: "911 call" },
    { key: "self_initiated", label: "Started by the officer" },
  ];
  const counts = new Map([
    ["2026-03-02|911", 40],
    ["2026-03-02|self_initiated", 3],
    ["2026-03-09|911", 25],
    ["2026-03-09|self_initiated", 30],
  ]);
  const built = tableBreakdown("cso", "week_source", "since_launch", weeks, cols, counts, {
    kind: "by column",
    totalLabel: "All calls",
  });

  it("lays a table out by column: cells carry the column's label, a row's cells share its ord", () => {
    const cell = built.rows.find((r) => r.key === "2026-03-09" && r.key2 === "911")!;
    expect(cell).toMatchObject({ dataset: "cso", label: "911 call", label2: "", ord: 1 });
    expect(built.rows.find((r) => r.key === "*" && r.key2 === "*")).toMatchObject({ label: "All calls", ord: 4 });
    expect(built.rows.find((r) => r.key === "2026-03-02" && r.key2 === "self_initiated")).toMatchObject({
      count: null,
      suppressed: true,
    });
  });

  it("reads it back as weeks × series, with the series keys the page asks for", () => {
    const chart = weekColumnsChart(asRead(built.rows), { seriesKey: (k) => `s_${k}` });
    expect(chart.series).toEqual([
      { key: "s_911", label: "911 call" },
      { key: "s_self_initiated", label: "Started by the officer" },
    ]);
    expect(chart.rows.map((r) => r.label)).toEqual(["2026-03-02", "2026-03-09"]);
    // A withheld cell (3, and those complementary suppression hides with it) reads as null.
    for (const r of built.rows.filter((x) => x.key !== "*" && x.key2 !== "*")) {
      const row = chart.rows.find((x) => x.label === r.key)!;
      expect(row.values[`s_${r.key2}`]).toBe(r.suppressed ? null : r.count);
    }
    expect(chart.rows[0].values.s_self_initiated).toBeNull();
    expect(weekColumnsChart(asRead(built.rows), { sortSeries: true }).series.map((s) => s.key)).toEqual([
      "911",
      "self_initiated",
    ]);
  });

  it("keeps labels whole or split, pairs pilot and baseline medians, and names the events in figures", () => {
    const one = asRead([
      {
        dataset: "cameras",
        breakdown: "top_users",
        period: "last30",
        key: "u1",
        label: "user-1 · Analyst",
        count: 12,
        suppressed: false,
        ord: 0,
      },
      {
        dataset: "cameras",
        breakdown: "top_users",
        period: "last30",
        key: "*",
        label: "All",
        count: 12,
        suppressed: false,
        ord: 1,
      },
    ]);
    expect(seriesRows(one, "Accesses").rows[0]).toMatchObject({ label: "user-1", detail: "Analyst" });
    expect(seriesRows(one, "Accesses", { splitLabel: false }).rows[0]).toEqual({
      label: "user-1 · Analyst",
      values: { n: 12 },
    });
    expect(seriesRows(one, "Accesses").total).toBe(12);
    const pairs = asRead([
      {
        dataset: "cso",
        breakdown: "response_source",
        period: "since_launch",
        key: "911",
        key2: "cso",
        label: "911 call",
        count: 30,
        suppressed: false,
        value: 12.5,
        ord: 0,
      },
      {
        dataset: "cso",
        breakdown: "response_source",
        period: "since_launch",
        key: "911",
        key2: "baseline",
        label: "911 call",
        count: 90,
        suppressed: false,
        value: 20,
        ord: 0,
      },
    ]);
    expect(pairRows(pairs, "cso")).toEqual([{ key: "911", label: "911 call", pilot: 12.5, baseline: 20, n: 30 }]);
    expect(figureText({ value: null, suppressed: true }, "minutes", "en", "calls")).toBe(
      "not published (too few calls)",
    );
    expect(figureText({ value: null, suppressed: true }, "minutes")).toBe("not published (too few flights)");
    expect(figureText(undefined, "count")).toBe("not yet published");
  });

  it("pairs each drone call type with the patrol baseline in the drone rows' order, as /drones shows it", () => {
    const row = (key: string, key2: string, ord: number, count: number | null, value: number | null): BreakdownRow => ({
      key,
      key2,
      label: `Type ${key}`,
      label2: "",
      count,
      suppressed: count === null,
      value,
      ord,
    });
    // As read (ord, key, key2), each side numbered on its own; a type with no drone flights ("c")
    // has no row, one with a withheld count shows neither median nor count.
    const ttsCat = [
      row("a", "baseline", 0, 40, 9.5),
      row("a", "drone", 0, 25, 2.1),
      row("b", "drone", 1, null, null),
      row("c", "baseline", 1, 30, 8),
      row("z", "baseline", 2, 12, 11),
      row("z", "drone", 2, 14, 1.9),
      row("y", "drone", 3, 11, 3),
    ];
    expect(pairRows(ttsCat, "drone")).toEqual([
      { key: "a", label: "Type a", pilot: 2.1, baseline: 9.5, n: 25 },
      { key: "b", label: "Type b", pilot: null, baseline: null, n: null },
      { key: "z", label: "Type z", pilot: 1.9, baseline: 11, n: 14 },
      { key: "y", label: "Type y", pilot: 3, baseline: null, n: 11 },
    ]);
  });
});
