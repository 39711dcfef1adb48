// lib/time: wall time in the city's zone ↔ instants, the local buckets, and the wording, across
// both daylight-saving changes, a leap day and a year end. Los Angeles 2026: clocks jump from
// 02:00 PST to 03:00 PDT on March 8 (10:00Z) and fall back from 02:00 PDT to 01:00 PST on November 1 (09:00Z).
import { describe, expect, it } from "vitest";
import {
  formatClockTime,
  formatInstant,
  fromZoned,
  localDate,
  localHour,
  localMinutes,
  localWeekStart,
  roundToDay,
  roundToHour,
  startOfLocalDay,
  utcToZonedInput,
  wallTimeToInstant,
  zonedParts,
  zonedToUtc,
} from "../lib/time";
import { publicationCutoff } from "../lib/publish/rules/delay";

const LA = "America/Los_Angeles";
const iso = (d: Date | number) => new Date(d).toISOString();

describe("wall time → instant", () => {
  it("uses the offset in force on that day", () => {
    expect(iso(zonedToUtc("2026-01-15T09:00", LA))).toBe("2026-01-15T17:00:00.000Z");
    expect(iso(zonedToUtc("2026-07-15T09:00", LA))).toBe("2026-07-15T16:00:00.000Z");
    expect(iso(wallTimeToInstant(LA, 2026, 7, 15, 9, 0, 12, 345))).toBe("2026-07-15T16:00:12.345Z");
    expect(iso(fromZoned({ year: 2026, month: 7, day: 15, hour: 9 }, LA))).toBe("2026-07-15T16:00:00.000Z");
  });

  it("spring forward: the last minute before the gap, the gap, the first minute after", () => {
    expect(iso(zonedToUtc("2026-03-08T01:59", LA))).toBe("2026-03-08T09:59:00.000Z");
    // 02:30 never shows on the clock; it is read with the summer offset (= 01:30 PST).
    expect(iso(zonedToUtc("2026-03-08T02:30", LA))).toBe("2026-03-08T09:30:00.000Z");
    expect(iso(zonedToUtc("2026-03-08T03:00", LA))).toBe("2026-03-08T10:00:00.000Z");
  });

  it("fall back: a repeated time is its first occurrence", () => {
    expect(iso(zonedToUtc("2026-11-01T00:59", LA))).toBe("2026-11-01T07:59:00.000Z");
    expect(iso(zonedToUtc("2026-11-01T01:30", LA))).toBe("2026-11-01T08:30:00.000Z"); // 01:30 PDT
    expect(iso(zonedToUtc("2026-11-01T02:00", LA))).toBe("2026-11-01T10:00:00.000Z"); // PST from here
  });

  it("a leap day and a year end", () => {
    expect(iso(zonedToUtc("2028-02-29T23:30", LA))).toBe("2028-03-01T07:30:00.000Z");
    expect(iso(zonedToUtc("2026-12-31T23:59", LA))).toBe("2027-01-01T07:59:00.000Z");
    expect(iso(startOfLocalDay("2027-01-01", LA))).toBe("2027-01-01T08:00:00.000Z");
    expect(iso(startOfLocalDay("2028-02-29", LA))).toBe("2028-02-29T08:00:00.000Z");
  });

  it("local midnight on both change days", () => {
    expect(iso(startOfLocalDay("2026-03-08", LA))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-09", LA))).toBe("2026-03-09T07:00:00.000Z");
    expect(iso(startOfLocalDay("2026-11-01", LA))).toBe("2026-11-01T07:00:00.000Z");
    expect(iso(startOfLocalDay("2026-11-02", LA))).toBe("2026-11-02T08:00:00.000Z");
  });

  it("half-hour zones change on the half hour (St. John's: 02:00 NST → 03:00 NDT at 05:30Z)", () => {
    const NL = "America/St_Johns";
    expect(iso(wallTimeToInstant(NL, 2026, 3, 8, 1, 59))).toBe("2026-03-08T05:29:00.000Z");
    expect(iso(wallTimeToInstant(NL, 2026, 3, 8, 3, 0))).toBe("2026-03-08T05:30:00.000Z");
    expect(iso(wallTimeToInstant(NL, 2026, 11, 1, 2, 0))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("rejects what is not a local date-time", () => {
    expect(() => zonedToUtc("March 1", LA)).toThrow("Not a local date-time: March 1");
  });
});

describe("instant → wall time", () => {
  it("reads the clock on both sides of each change", () => {
    expect(zonedParts(new Date("2026-03-08T09:59:59Z"), LA)).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 1,
      minute: 59,
      second: 59,
    });
    expect(zonedParts(new Date("2026-03-08T10:00:00Z"), LA).hour).toBe(3);
    expect(localHour(new Date("2026-11-01T08:30:00Z"), LA)).toBe(1); // 01:30 PDT
    expect(localHour(new Date("2026-11-01T09:30:00Z"), LA)).toBe(1); // 01:30 PST, the second time
    expect(localHour(new Date("2026-11-01T10:00:00Z"), LA)).toBe(2);
    expect(localMinutes(new Date("2026-11-01T09:30:00Z"), LA)).toBe(90);
    expect(localMinutes(new Date("2026-03-08T10:05:00Z"), LA)).toBe(185); // 03:05 PDT
  });

  it("round-trips through a datetime-local value", () => {
    for (const s of [
      "2026-03-08T01:59",
      "2026-03-08T03:00",
      "2026-11-01T00:30",
      "2028-02-29T12:00",
      "2026-12-31T23:59",
    ])
      expect(utcToZonedInput(zonedToUtc(s, LA), LA)).toBe(s);
    expect(utcToZonedInput(new Date("2026-11-01T09:30:00Z"), LA)).toBe("2026-11-01T01:30");
  });

  it("local dates across midnight, a leap day and a year end", () => {
    expect(localDate(new Date("2026-03-01T05:00:00Z"), LA)).toBe("2026-02-28");
    expect(localDate(new Date("2028-03-01T07:59:59Z"), LA)).toBe("2028-02-29");
    expect(localDate(new Date("2028-03-01T08:00:00Z"), LA)).toBe("2028-03-01");
    expect(localDate(new Date("2027-01-01T07:59:59Z"), LA)).toBe("2026-12-31");
    expect(localDate(new Date("2027-01-01T08:00:00Z"), LA)).toBe("2027-01-01");
    expect(localDate(new Date("2026-11-02T07:30:00Z"), LA)).toBe("2026-11-01"); // 23:30 PST, day of 25 hours
  });
});

describe("buckets", () => {
  it("rounds down to the local hour, in whole- and half-hour zones", () => {
    const d = new Date("2025-11-05T18:47:31Z"); // 10:47:31 PST
    expect(iso(roundToHour(d, LA))).toBe("2025-11-05T18:00:00.000Z");
    expect(iso(roundToHour(d, "Asia/Kolkata"))).toBe("2025-11-05T18:30:00.000Z");
  });

  it("keeps the two 1 a.m. hours of the fall-back night apart", () => {
    expect(iso(roundToHour(new Date("2026-11-01T08:45:00Z"), LA))).toBe("2026-11-01T08:00:00.000Z");
    expect(iso(roundToHour(new Date("2026-11-01T09:15:00Z"), LA))).toBe("2026-11-01T09:00:00.000Z");
    expect(iso(roundToHour(new Date("2026-03-08T10:20:00Z"), LA))).toBe("2026-03-08T10:00:00.000Z"); // 03:20 PDT
  });

  it("rounds down to local midnight on days of 23 and 25 hours", () => {
    expect(iso(roundToDay(new Date("2026-03-08T20:00:00Z"), LA))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(roundToDay(new Date("2026-11-01T20:00:00Z"), LA))).toBe("2026-11-01T07:00:00.000Z");
    expect(iso(roundToDay(new Date("2026-11-02T07:59:00Z"), LA))).toBe("2026-11-01T07:00:00.000Z");
    expect(iso(roundToDay(new Date("2028-02-29T23:00:00Z"), LA))).toBe("2028-02-29T08:00:00.000Z");
  });

  it("weeks start on Monday, across a year end and a leap day", () => {
    expect(localWeekStart(new Date("2025-11-09T20:00:00Z"), LA)).toBe("2025-11-03"); // Sunday
    expect(localWeekStart(new Date("2025-11-10T20:00:00Z"), LA)).toBe("2025-11-10");
    expect(localWeekStart(new Date("2027-01-03T20:00:00Z"), LA)).toBe("2026-12-28"); // Sunday Jan 3
    expect(localWeekStart(new Date("2028-03-01T20:00:00Z"), LA)).toBe("2028-02-28"); // Wednesday after Feb 29
    expect(localWeekStart(new Date("2026-11-02T07:30:00Z"), LA)).toBe("2026-10-26"); // still Sunday Nov 1 locally
  });
});

describe("wording", () => {
  it("dates and times as the city's clock shows them", () => {
    expect(formatInstant(new Date("2026-03-08T10:00:00Z"), LA)).toBe("Mar 8, 2026, 3:00 AM");
    expect(formatInstant(new Date("2026-03-08T09:59:00Z"), LA)).toBe("Mar 8, 2026, 1:59 AM");
    expect(formatInstant(new Date("2027-01-01T07:59:00Z"), LA)).toBe("Dec 31, 2026, 11:59 PM");
    expect(formatClockTime(new Date("2026-11-01T09:30:00Z"), LA)).toBe("1:30 AM");
  });
});

describe("publication delay", () => {
  it("events ending at or before the cutoff may be published", () => {
    const asOf = new Date("2025-11-10T12:00:00Z");
    expect(iso(publicationCutoff(asOf, 24))).toBe("2025-11-09T12:00:00.000Z");
    expect(iso(publicationCutoff(asOf, 168))).toBe("2025-11-03T12:00:00.000Z");
  });
});
