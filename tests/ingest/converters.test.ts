// Converters and time-zone handling: pure functions, no database.
import { describe, expect, it } from "vitest";
import { convert, durationHms, toTimestamp } from "../../lib/ingest/converters";
import { AppError } from "../../lib/errors";
import { recognize } from "../../lib/ingest/recognize";
import { FORMATS } from "../../lib/ingest/mappings";
import { formatsMarkdown } from "../../lib/ingest/docs";
import { readFileSync } from "node:fs";
import path from "node:path";

const la = { timeZone: "America/Los_Angeles" };
const iso = (v: unknown) => toTimestamp(v, la).toISOString();

describe("timestamps", () => {
  it("reads vendor wall-clock times as local to the city, across daylight-saving changes", () => {
    expect(iso("1/14/2025 11:01:00")).toBe("2025-01-14T19:01:00.000Z");
    expect(iso("7/4/2025 9:05")).toBe("2025-07-04T16:05:00.000Z");
    expect(iso("2024/06/13 10:15:00 PM")).toBe("2024-06-14T05:15:00.000Z");
    expect(iso("2025/01/01 12:00:00 AM")).toBe("2025-01-01T08:00:00.000Z");
    expect(iso("2025-03-09 01:59:59")).toBe("2025-03-09T09:59:59.000Z");
    expect(iso("2025-03-09 03:00:00")).toBe("2025-03-09T10:00:00.000Z");
    expect(iso("2025-11-02T12:30:00")).toBe("2025-11-02T20:30:00.000Z");
  });

  it("takes zoned ISO strings and epoch seconds or milliseconds as instants", () => {
    expect(iso("2025-10-03T18:02:00Z")).toBe("2025-10-03T18:02:00.000Z");
    expect(iso("2025-10-05T02:10:00-07:00")).toBe("2025-10-05T09:10:00.000Z");
    expect(iso("2025-10-05 02:10:00+0000")).toBe("2025-10-05T02:10:00.000Z");
    expect(iso(1759600800000)).toBe("2025-10-04T18:00:00.000Z");
    expect(iso("1759600800")).toBe("2025-10-04T18:00:00.000Z");
  });

  it("rejects what is not a real date with a reason", () => {
    for (const bad of ["13/45/2025 11:01:00", "2/30/2025 10:00", "yesterday", "2025-02-30", "13:00 PM"]) {
      expect(() => toTimestamp(bad, la), bad).toThrow(AppError);
    }
  });
});

describe("other converters", () => {
  it("reads durations as h:mm:ss, mm:ss or seconds", () => {
    expect(durationHms("0:04:30")).toBe(270);
    expect(durationHms("1:00:00")).toBe(3600);
    expect(durationHms("12:30")).toBe(750);
    expect(durationHms("95")).toBe(95);
    expect(() => durationHms("forever")).toThrow(AppError);
  });

  it("reads WKT points, yes/no, lists and vocabularies", () => {
    expect(convert("wktPoint", "POINT (-122.41 37.77)", la)).toEqual([-122.41, 37.77]);
    expect(convert("bool", "Yes", la)).toBe(true);
    expect(convert("bool", "0", la)).toBe(false);
    expect(convert("list", "housing; mental_health|", la)).toEqual(["housing", "mental_health"]);
    expect(convert("minutes", "22.5", la)).toBe(1350);
    expect(convert({ vocab: { "view live": "live_view" } }, " View LIVE ", la)).toBe("live_view");
    expect(() => convert({ vocab: { "view live": "live_view" } }, "Teleport", la)).toThrow(/Teleport/);
    expect(() => convert("int", "3.5", la)).toThrow(/whole number/);
  });
});

describe("formats", () => {
  it("recognizes every format from its own columns, without --format", () => {
    for (const f of FORMATS) {
      const header = f.columns.map((c) => c.from.toLowerCase());
      expect(recognize(f.dataset, header, f.kinds.includes("csv") ? "csv" : "json").name, f.name).toBe(f.name);
    }
  });

  it("keeps content/ingest-formats.md in step with the mappings", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../content/ingest-formats.md"), "utf8");
    expect(doc.trim()).toBe(formatsMarkdown().trim());
  });
});

describe("ambiguous headers", () => {
  it("asks for --format and lists the candidates with their columns", () => {
    // Every required column of two flight formats, and as many of each one's columns: neither wins.
    const header = [
      "flight_id",
      "takeoff",
      "landing",
      "flight_purpose",
      "external_id",
      "description",
      "launched_at",
      "landed_at",
      "call_number",
      "call_type",
    ];
    expect(() => recognize("flights", header, "csv")).toThrow(
      /more than one format; choose one with --format[\s\S]*daylight-flights[\s\S]*skydio \(geojson\/json\/csv\): flight_id/,
    );
  });
});
