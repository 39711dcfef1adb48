// Raw-record exports: the header is the first line (no comment before it), the watermark is a
// column on every row, and times are in the city's time zone with their offset.
import { describe, expect, it } from "vitest";
import { watermarkedCsv } from "../../lib/audit/watermark";
import { zonedIso } from "../../lib/time";

describe("watermarked export CSV", () => {
  it("puts the header first and the watermark in a column", () => {
    const { csv } = watermarkedCsv(
      [{ id: 1, at: new Date("2026-03-10T19:05:00Z") }],
      ["id", "at"],
      "Exported by A",
      "America/Los_Angeles",
    );
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("id,at,watermark");
    expect(lines[1]).toBe("1,2026-03-10T12:05:00-07:00,Exported by A");
  });
  it("writes times in the zone with the offset of that date", () => {
    expect(zonedIso(new Date("2026-01-10T19:05:00Z"), "America/Los_Angeles")).toBe("2026-01-10T11:05:00-08:00");
    expect(zonedIso(new Date("2026-01-10T19:05:00Z"), "UTC")).toBe("2026-01-10T19:05:00+00:00");
    expect(zonedIso(new Date("2026-07-10T19:05:07Z"), "America/Los_Angeles")).toBe("2026-07-10T12:05:07-07:00");
    expect(zonedIso(new Date("2026-01-10T19:05:00Z"), "Asia/Kolkata")).toBe("2026-01-11T00:35:00+05:30");
  });
});
