import { describe, expect, it } from "vitest";
import { readLhr } from "../bench/lighthouse";

describe("the Lighthouse benchmark's report reader", () => {
  it("reads scores out of 100 and the blocking time from Lighthouse's JSON", () => {
    const json = JSON.stringify({
      categories: { performance: { score: 0.97 }, accessibility: { score: 1 } },
      audits: { "total-blocking-time": { numericValue: 40.5 }, "largest-contentful-paint": { numericValue: 1800 } },
    });
    expect(readLhr(json)).toEqual({ performance: 97, accessibility: 100, tbtMs: 40.5, lcpMs: 1800 });
  });

  it("a page Lighthouse could not load is an error, not a score", () => {
    const json = JSON.stringify({
      categories: { performance: { score: null } },
      audits: {},
      runtimeError: { code: "NO_FCP", message: "The page did not paint any content." },
    });
    expect(() => readLhr(json)).toThrow(/did not paint/);
  });
});
