// Review list filters from the URL: days on the city's calendar (the demo city is Los Angeles), a
// message for a date that is not on the calendar instead of a failing page.
import { describe, expect, it } from "vitest";
import { fmtDay, fmtDateTime, parseCommon } from "@/app/review/_lib/format";
import { city } from "@/lib/config/city";

describe("review URL filters", () => {
  it("bounds a day by local midnights", () => {
    expect(city().timeZone).toBe("America/Los_Angeles");
    const f = parseCommon({ from: "2026-03-01", to: "2026-03-31" });
    expect(f.errors).toEqual({});
    expect(f.from?.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-04-01T07:00:00.000Z");
  });

  it("answers an impossible date with the message", () => {
    for (const bad of ["2026-02-31", "2026-13-01", "March 1"]) {
      const f = parseCommon({ from: bad, to: bad });
      expect(f.errors).toEqual({ from: "Use a date like 2026-03-01.", to: "Use a date like 2026-03-31." });
      expect(f.from).toBeUndefined();
      expect(f.to).toBeUndefined();
    }
    expect(parseCommon({ from: "2028-02-29" }).errors).toEqual({});
  });

  it("prints times on the city's clock", () => {
    expect(fmtDateTime(null)).toBe("—");
    expect(fmtDateTime("2026-11-01T09:30:00Z")).toBe("Nov 1, 2026, 1:30 AM");
    expect(fmtDay(new Date("2026-03-01T05:00:00Z"))).toBe("2026-02-28");
  });
});
