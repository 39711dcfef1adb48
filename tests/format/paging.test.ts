// Issue 25 items 9 and 15: a page past the end says so instead of "Showing 24,951–2,993 of
// 2,993", and counts read "1 flight", "2 flights".
import { describe, expect, it } from "vitest";
import { pageWindow, rowsSummary } from "@/lib/format/paging";
import { countOf, plural } from "@/lib/format/plural";

const flights = { one: "flight", other: "flights" };

describe("paging", () => {
  it("describes a page inside the range", () => {
    expect(rowsSummary(2, 25, 2993, flights)).toBe("Showing 26–50 of 2,993 flights");
    expect(rowsSummary(120, 25, 2993, flights)).toBe("Showing 2,976–2,993 of 2,993 flights");
    expect(rowsSummary(1, 25, 1, flights)).toBe("Showing 1–1 of 1 flight");
  });

  it("says there is no such page past the end, never a first row above the total", () => {
    expect(pageWindow(999, 25, 2993)).toEqual({ first: 0, last: 0, pageCount: 120, beyond: true });
    expect(rowsSummary(999, 25, 2993, flights)).toBe("There is no page 999: 2,993 flights match, on 120 pages.");
    expect(rowsSummary(2, 25, 3, flights)).toBe("There is no page 2: 3 flights match, on 1 page.");
    expect(rowsSummary(5, 25, 0, flights)).toBe("No flights match these filters.");
  });

  it("plurals come from one helper", () => {
    expect(countOf(1, "finding", "findings")).toBe("1 finding");
    expect(countOf(0, "finding", "findings")).toBe("0 findings");
    expect(countOf(12000, "finding", "findings")).toBe("12,000 findings");
    expect(plural(1, "match", "match")).toBe("match");
  });
});
