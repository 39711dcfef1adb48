// The large demo city is configuration only: it validates, has 21 police divisions with
// populations, and its demographic shares name only its own divisions and add up to 1.
import { describe, expect, it } from "vitest";
import { loadCityConfig } from "../../lib/config/city";

describe("config/large-city.json", () => {
  const c = loadCityConfig("config/large-city.json");

  it("has 21 police divisions with residents", () => {
    expect(c.areaKind).toBe("division");
    expect(c.areas).toHaveLength(21);
    expect(new Set(c.areas.map((a) => a.properties.slug)).size).toBe(21);
    for (const a of c.areas) expect(a.properties.population).toBeGreaterThan(100_000);
  });

  it("gives demographic shares for exactly its divisions", () => {
    const slugs = c.areas.map((a) => a.properties.slug).sort();
    expect(Object.keys(c.demographics!.areas).sort()).toEqual(slugs);
    for (const shares of Object.values(c.demographics!.areas))
      expect(Object.values(shares).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it("the demo city's shares name only its own areas", () => {
    const demo = loadCityConfig("config/demo-city.json");
    const slugs = new Set(demo.areas.map((a) => a.properties.slug));
    for (const slug of Object.keys(demo.demographics!.areas)) expect(slugs.has(slug)).toBe(true);
  });

  it("its demo budget carries the $15 million state grant and what it buys, approved and spent", () => {
    const grant = c.demoBudget.filter((b) => /state grant/i.test(b.fundingSource));
    expect(grant.length).toBeGreaterThan(1);
    expect(grant.reduce((s, b) => s + b.approvedUsd, 0)).toBe(15_000_000);
    for (const b of grant) expect(b.spentUsd ?? 0).toBeLessThanOrEqual(b.approvedUsd);
    expect(loadCityConfig("config/demo-city.json").demoBudget).toEqual([]);
  });
});
