// An instant shown as its day in the city's time zone, in the reader's language: the access log,
// a search's page and the crime-center dates use it, so a late-evening record is never dated the
// next day (UTC's).
import { describe, expect, it } from "vitest";
import { zonedDayFormat } from "../../lib/format/numbers";

const lateEvening = new Date("2026-03-01T05:30:00Z"); // 9:30 PM on February 28 in Los Angeles

describe("zonedDayFormat", () => {
  it("dates an instant by the city's day, not UTC's", () => {
    expect(zonedDayFormat("America/Los_Angeles").format(lateEvening)).toBe("February 28, 2026");
    expect(zonedDayFormat("UTC").format(lateEvening)).toBe("March 1, 2026");
  });

  it("speaks the reader's language", () => {
    expect(zonedDayFormat("America/Los_Angeles", "es").format(lateEvening)).toBe("28 de febrero de 2026");
  });

  it("adds the hour when asked, in the city's zone", () => {
    const withHour = zonedDayFormat("America/Los_Angeles", "en", true).format(lateEvening);
    expect(withHour).toContain("February 28, 2026");
    expect(withHour).toMatch(/\b9\sPM\b/);
  });
});
