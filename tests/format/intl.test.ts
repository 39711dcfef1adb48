// Intl formatters are built once per (locale, options) and then reused.
import { describe, expect, it } from "vitest";
import { dateTimeFormat, isoDateIn, numberFormat } from "@/lib/format/intl";

describe("cached Intl formatters", () => {
  it("returns the same formatter for the same locale and options, another for other options", () => {
    const a = dateTimeFormat("en-US", { timeZone: "UTC", month: "short" });
    expect(dateTimeFormat("en-US", { timeZone: "UTC", month: "short" })).toBe(a);
    expect(dateTimeFormat("en-US", { timeZone: "UTC", month: "long" })).not.toBe(a);
    expect(dateTimeFormat("en-US", { timeZone: "America/Los_Angeles", month: "short" })).not.toBe(a);
    expect(numberFormat("en-US")).toBe(numberFormat("en-US", {}));
  });

  it("formats as a new formatter would", () => {
    const at = new Date("2026-03-08T07:30:00Z");
    const opts = { timeZone: "America/Los_Angeles", dateStyle: "medium", timeStyle: "short" } as const;
    expect(dateTimeFormat("en-US", opts).format(at)).toBe(new Intl.DateTimeFormat("en-US", opts).format(at));
    expect(numberFormat("en-US").format(1234567)).toBe("1,234,567");
  });

  it("gives the local calendar date, not the UTC one", () => {
    expect(isoDateIn(new Date("2026-11-26T05:00:00Z"), "America/Los_Angeles")).toBe("2026-11-25");
    expect(isoDateIn(new Date("2026-11-26T05:00:00Z"), "UTC")).toBe("2026-11-26");
  });
});
