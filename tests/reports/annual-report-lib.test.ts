import { describe, expect, it } from "vitest";
import {
  areaActivity,
  costTotals,
  countTable,
  demographicRates,
  fiscalYearCovers,
  medianDays,
  reportYears,
  sumOfRows,
} from "../../lib/reports/annual";

describe("annual report arithmetic", () => {
  it("suppresses small counts so that the total never gives one away", () => {
    const t = countTable([
      { key: "a", label: "A", n: 40 },
      { key: "b", label: "B", n: 5 },
      { key: "c", label: "C", n: 20 },
    ]);
    expect(t.rows.find((r) => r.key === "b")).toMatchObject({ count: null, suppressed: true });
    const hidden = t.rows.filter((r) => r.suppressed);
    // With a published total, one hidden cell alone could be recovered by subtraction.
    if (!t.total.suppressed) expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const r of t.rows) if (r.count !== null) expect(r.count === 0 || r.count >= 11).toBe(true);
  });

  it("hides a sum that includes a hidden row", () => {
    const t = countTable([
      { key: "policy_violation", label: "", n: 3 },
      { key: "no_violation", label: "", n: 30 },
      { key: "referred_for_discipline", label: "", n: 12 },
    ]);
    expect(sumOfRows(t, ["policy_violation", "referred_for_discipline"]).suppressed).toBe(true);
    const clean = countTable([
      { key: "policy_violation", label: "", n: 0 },
      { key: "referred_for_discipline", label: "", n: 12 },
    ]);
    expect(sumOfRows(clean, ["policy_violation", "referred_for_discipline"])).toEqual({ value: 12, suppressed: false });
  });

  it("reads fiscal year labels as the calendar years they cover", () => {
    expect(fiscalYearCovers("FY2025-26", 2025)).toBe(true);
    expect(fiscalYearCovers("FY2025-26", 2026)).toBe(true);
    expect(fiscalYearCovers("FY2025-26", 2027)).toBe(false);
    expect(fiscalYearCovers("FY 2026", 2026)).toBe(true);
    expect(fiscalYearCovers("2099-2100", 2100)).toBe(true);
    expect(fiscalYearCovers("FY1999-00", 2000)).toBe(true);
    expect(fiscalYearCovers("next year", 2026)).toBe(false);
  });

  it("adds approved and spent money by funding source, leaving cancelled items out", () => {
    const c = costTotals([
      {
        name: "x",
        fiscalYear: "FY2026",
        fundingSource: "State grant",
        status: "approved",
        approvedCents: 1000,
        actualCents: null,
      },
      {
        name: "y",
        fiscalYear: "FY2026",
        fundingSource: "State grant",
        status: "complete",
        approvedCents: 500,
        actualCents: 700,
      },
      {
        name: "z",
        fiscalYear: "FY2026",
        fundingSource: "General Fund",
        status: "cancelled",
        approvedCents: 900,
        actualCents: null,
      },
    ]);
    expect(c.approvedCents).toBe(1500);
    expect(c.spentCents).toBe(700);
    expect(c.byFunding).toEqual([{ source: "State grant", approvedCents: 1500, spentCents: 700 }]);
    expect(c.items).toHaveLength(3);
  });

  it("gives a rate per 1,000 residents only on 11 events or more", () => {
    const { byArea, areasTotal } = areaActivity([
      { slug: "n", name: "North", population: 2000, n: 50 },
      { slug: "s", name: "South", population: 4000, n: 50 },
      { slug: "e", name: "East", population: 1000, n: 0 },
      { slug: "w", name: "West", population: 0, n: 12 },
    ]);
    expect(byArea.map((a) => a.per1000)).toEqual([25, 12.5, null, null]);
    expect(areasTotal).toEqual({ value: 112, suppressed: false });
  });

  it("shares each area's published activity among its residents by group", () => {
    const { byArea } = areaActivity([
      { slug: "n", name: "North", population: 1000, n: 100 },
      { slug: "s", name: "South", population: 1000, n: 20 },
      { slug: "x", name: "Small", population: 1000, n: 4 },
    ]);
    const { rates, areasLeftOut } = demographicRates(byArea, {
      n: { renters: 0.8, owners: 0.2 },
      s: { renters: 0.2, owners: 0.8 },
      x: { renters: 0.5, owners: 0.5 },
    });
    // The small area's count is hidden, and so is one more by complementary suppression.
    expect(areasLeftOut).toBeGreaterThanOrEqual(1);
    for (const r of rates) expect(r.per1000 === null || r.per1000 > 0).toBe(true);
    const only = demographicRates(
      areaActivity([
        { slug: "n", name: "North", population: 1000, n: 100 },
        { slug: "s", name: "South", population: 1000, n: 20 },
      ]).byArea,
      { n: { renters: 0.8, owners: 0.2 }, s: { renters: 0.2, owners: 0.8 } },
    );
    const renters = only.rates.find((r) => r.group === "renters")!;
    const owners = only.rates.find((r) => r.group === "owners")!;
    expect(renters.residents).toBe(1000);
    expect(renters.per1000).toBeCloseTo(((100 * 0.8 + 20 * 0.2) / 1000) * 1000);
    expect(owners.per1000).toBeCloseTo(((100 * 0.2 + 20 * 0.8) / 1000) * 1000);
  });

  it("takes a median only of 11 values or more, and lists report years newest first", () => {
    expect(medianDays([1, 2, 3])).toBeNull();
    expect(medianDays([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(6);
    expect(reportYears("2025-12-02", "2026-12-02")).toEqual([2026, 2025]);
  });
});
