// The page bench (`npm run bench -- pages`, issue 23.4) claims every public page: it times one URL
// for each page under app/(public) when the database has something to show on it, so a page added
// later without a bench route fails here instead of going untimed.
import { describe, expect, it } from "vitest";
import { publicRoutes, untimedPages } from "../bench/pages-http";
import type { BenchParams } from "../bench/workloads";

const params: BenchParams = {
  timeZone: "America/Los_Angeles",
  flightId: "f-000000000001",
  flightLog: {
    filters: { from: "2026-01-01", to: "2026-03-31", category: "theft", linked: "yes" },
    sort: "duration",
    dir: "desc",
    page: 3,
    pageSize: 25,
  },
  nearby: { lat: 34, lon: -118, date: "2026-03-31", hour: 0, hours: 24, start: new Date(0), end: new Date(0) },
  accessLog: {
    filters: { from: "2026-01-01", to: "2026-03-31", operation: "live_view", linked: "no" },
    sort: "place",
    dir: "asc",
    page: 3,
    pageSize: 25,
  },
  policySlug: "drones",
  updateSlug: "an-update",
  accessId: "acc-000000000001",
  searchId: "alpr-000000000001",
  report: { program: "fixed_cameras", year: 2026 },
};

describe("the page bench's routes", () => {
  it("reach every public page when the database has every kind of record", () => {
    expect(untimedPages(publicRoutes(params))).toEqual([]);
  });

  it("name the pages they leave out when a kind of record is missing", () => {
    const bare = publicRoutes({ ...params, accessId: undefined, report: undefined });
    expect(untimedPages(bare)).toEqual(
      expect.arrayContaining(["/cameras/access-log/[id]", "/reports/[program]/[year]"]),
    );
  });
});
