import { describe, expect, it } from "vitest";
import {
  isPublishable,
  localDate,
  localHour,
  localWeekStart,
  publicTime,
  publicationCutoff,
  roundToDay,
  roundToHour,
} from "../../lib/publish/rules/time";

const LA = "America/Los_Angeles";

describe("time rounding in the city's time zone", () => {
  it("rounds down to the local hour", () => {
    const d = new Date("2025-11-05T18:47:31Z"); // 10:47:31 PST
    expect(roundToHour(d, LA).toISOString()).toBe("2025-11-05T18:00:00.000Z");
    expect(roundToHour(d, "Asia/Kolkata").toISOString()).toBe("2025-11-05T18:30:00.000Z"); // half-hour zone
  });
  it("rounds down to local midnight, not UTC midnight", () => {
    const d = new Date("2025-11-06T05:30:00Z"); // 21:30 PST on Nov 5
    expect(roundToDay(d, LA).toISOString()).toBe("2025-11-05T08:00:00.000Z");
    expect(localDate(d, LA)).toBe("2025-11-05");
    expect(localHour(d, LA)).toBe(21);
  });
  it("handles DST days", () => {
    expect(roundToDay(new Date("2025-03-09T20:00:00Z"), LA).toISOString()).toBe("2025-03-09T08:00:00.000Z");
    expect(roundToDay(new Date("2025-11-02T20:00:00Z"), LA).toISOString()).toBe("2025-11-02T07:00:00.000Z");
    const inRepeatedHour = new Date("2025-11-02T09:15:00Z"); // 01:15 PST (second 1 am)
    expect(roundToHour(inRepeatedHour, LA).getTime()).toBeLessThanOrEqual(inRepeatedHour.getTime());
    expect(inRepeatedHour.getTime() - roundToHour(inRepeatedHour, LA).getTime()).toBeLessThan(3600_000);
  });
  it("sensitive events get the day", () => {
    const d = new Date("2025-11-05T18:47:31Z");
    expect(publicTime(d, LA, true)).toEqual({ at: new Date("2025-11-05T08:00:00Z"), precision: "day" });
    expect(publicTime(d, LA, false).precision).toBe("hour");
  });
  it("weeks start on Monday", () => {
    expect(localWeekStart(new Date("2025-11-09T20:00:00Z"), LA)).toBe("2025-11-03"); // Sunday
    expect(localWeekStart(new Date("2025-11-10T20:00:00Z"), LA)).toBe("2025-11-10");
  });
  it("publication delay", () => {
    const asOf = new Date("2025-11-10T12:00:00Z");
    expect(publicationCutoff(asOf, 24).toISOString()).toBe("2025-11-09T12:00:00.000Z");
    expect(isPublishable(new Date("2025-11-09T11:59:00Z"), asOf, 24)).toBe(true);
    expect(isPublishable(new Date("2025-11-09T12:01:00Z"), asOf, 24)).toBe(false);
    expect(isPublishable(new Date("2025-11-05T00:00:00Z"), asOf, 168)).toBe(false);
  });
});
