import { describe, expect, it } from "vitest";
import { formatDuration, formatMoney, formatShare } from "@/lib/format/numbers";
import { metricCatalog, metricDef, normalizeUnit } from "@/lib/content/metrics";
import { evaluateMetric, formatChange, meetsTarget, parsePeriod, summarizeCosts } from "@/lib/content/scorecard";
import { sparklineSegments } from "@/lib/content/sparkline";

const droneDef = metricCatalog.find((m) => m.key === "drone_median_time_to_scene_sec")!;
const shareDef = metricCatalog.find((m) => m.key === "drone_share_cleared_no_patrol")!;

describe("scorecard calculations", () => {
  it("met depends on direction, equal counts as met", () => {
    expect(meetsTarget(112, 120, "lower_is_better")).toBe(true);
    expect(meetsTarget(121, 120, "lower_is_better")).toBe(false);
    expect(meetsTarget(120, 120, "lower_is_better")).toBe(true);
    expect(meetsTarget(0.34, 0.3, "higher_is_better")).toBe(true);
    expect(meetsTarget(0.29, 0.3, "higher_is_better")).toBe(false);
  });

  it("computes change and relative change from the baseline", () => {
    const r = evaluateMetric({ ...droneDef, value: 112, target: 120, baseline: 270, series: [] });
    expect(r.met).toBe(true);
    expect(r.change).toBe(-158);
    expect(r.relativeChange).toBeCloseTo(-158 / 270, 6);
    expect(r.improved).toBe(true);
    expect(formatChange(r)).toBe("2 min 38 s faster");
  });

  it("a share that fell is worse when higher is better", () => {
    const r = evaluateMetric({ ...shareDef, value: 0.3, target: 0.35, baseline: 0.42, series: [] });
    expect(r.met).toBe(false);
    expect(r.improved).toBe(false);
    expect(formatChange(r)).toBe("12 percentage points lower");
  });

  it("missing numbers give unknown, not false", () => {
    const r = evaluateMetric({ ...droneDef, value: null, target: 120, baseline: 270, series: [] });
    expect(r.met).toBeNull();
    expect(r.change).toBeNull();
    expect(formatChange(r)).toBeNull();
    expect(evaluateMetric({ ...droneDef, value: 100, target: null, baseline: null, series: [] }).met).toBeNull();
  });

  it("formats durations, shares and money as residents read them", () => {
    expect(formatDuration(112)).toBe("1 min 52 s");
    expect(formatDuration(270)).toBe("4 min 30 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(3900)).toBe("1 h 5 min");
    expect(formatShare(0.384)).toBe("38%");
    expect(formatShare(0.045)).toBe("4.5%");
    expect(formatMoney(518500)).toBe("$5,185");
  });

  it("normalizes staff unit strings and builds definitions for unknown keys", () => {
    expect(normalizeUnit("sec")).toBe("seconds");
    expect(normalizeUnit("Percent")).toBe("share");
    expect(normalizeUnit("min")).toBe("minutes");
    expect(normalizeUnit("calls")).toBe("count");
    const d = metricDef("alpr_searches_per_week", { label: "Searches per week", unit: "searches", direction: "lower_is_better" });
    expect(d.program).toBe("plate_readers");
    expect(d.unit).toBe("count");
  });

  it("parses the period from the URL with a pilot-to-date default", () => {
    const defaults = { pilotStart: "2025-10-01", today: "2026-11-22" };
    expect(parsePeriod({}, defaults).period).toEqual({ from: "2025-10-01", to: "2026-11-22", isDefault: true });
    expect(parsePeriod({ from: "2026-01-01", to: "2026-03-31" }, defaults).period).toEqual({ from: "2026-01-01", to: "2026-03-31", isDefault: false });
    const bad = parsePeriod({ from: "2026-04-01", to: "2026-03-01" }, defaults);
    expect(bad.error).toMatch(/before the start/);
    expect(bad.period.isDefault).toBe(true);
    expect(parsePeriod({ from: "yesterday" }, defaults).error).toMatch(/date like/);
    expect(parsePeriod({ from: ["2026-01-01"] as unknown }, defaults).period.isDefault).toBe(true);
  });

  it("sums costs to date, ignores cancelled items and names what went over", () => {
    const c = summarizeCosts([
      { name: "Utility vehicle for CSO program", approvedAmountCents: 6_200_000, actualCostCents: 6_718_500, status: "purchased", note: "Covered by the department's existing budget." },
      { name: "Drone docks", approvedAmountCents: 30_000_000, actualCostCents: 29_000_000, status: "complete" },
      { name: "Watch center software", approvedAmountCents: 10_000_000, actualCostCents: null, status: "approved" },
      { name: "Cancelled thing", approvedAmountCents: 99_900_000, actualCostCents: 1_000, status: "cancelled" },
    ]);
    expect(c.approvedCents).toBe(46_200_000);
    expect(c.spentCents).toBe(35_718_500);
    expect(c.approvedForSpentCents).toBe(36_200_000);
    expect(c.varianceCents).toBe(-481_500);
    expect(c.overBudget).toEqual([{ name: "Utility vehicle for CSO program", overCents: 518_500, note: "Covered by the department's existing budget." }]);
  });

  it("sparkline scales into the box and breaks at gaps", () => {
    const segs = sparklineSegments([1, 3, null, 2], 100, 20, 0);
    expect(segs).toHaveLength(2);
    expect(segs[0][0]).toEqual({ x: 0, y: 20 });
    expect(segs[0][1]).toEqual({ x: 33.3, y: 0 });
    expect(segs[1][0]).toEqual({ x: 100, y: 10 });
    expect(sparklineSegments([null, null], 100, 20)).toEqual([]);
  });
});
