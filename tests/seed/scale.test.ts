// --scale multiplies event volumes; per-day ALPR counts stay one row per reader per day.
import { describe, expect, it } from "vitest";
import { city } from "../../lib/config/city";
import { generateAccesses } from "../../server/seed/access";
import { generateSearches } from "../../server/seed/alpr";
import { seedCalendar } from "../../server/seed/calendar";
import { generateCso } from "../../server/seed/cso";
import { generateFlights } from "../../server/seed/drones";
import { toShape } from "../../server/seed/geo";
import type { SeedRef } from "../../server/seed/reference";
import type { SeedCamera } from "../../server/seed/cameras";

function fakeRef(): SeedRef {
  const c = city();
  const person = (id: number, role: SeedRef["pilots"][number]["role"]) => ({ id, agencyId: 1, role, name: `p${id}` });
  return {
    areas: c.areas.map((a, i) =>
      toShape(i + 1, a.properties.slug, a.geometry as { type: "Polygon"; coordinates: unknown }),
    ),
    programIds: { drones: 1, fixed_cameras: 2, watch_center: 3, plate_readers: 4, cso: 5 },
    agencyIds: {
      sheriff: 1,
      city: 2,
      harbor_city_pd: 3,
      bayside_pd: 4,
      county_da: 5,
      highway_patrol: 6,
      fusion_center: 7,
      federal: 8,
    },
    cameraUsers: [
      person(1, "watch_center_operator"),
      person(2, "detective"),
      person(3, "patrol_deputy"),
      person(4, "analyst"),
    ],
    pilots: [person(5, "drone_pilot")],
    csos: [person(6, "cso")],
    docks: c.docks.map((d, i) => ({
      id: i + 1,
      slug: d.slug,
      point: [d.lon, d.lat] as [number, number],
      areaId: null,
      aircraftId: i + 1,
    })),
  };
}

const count = (it: Iterable<unknown>) => {
  let n = 0;
  for (const _ of it) n++;
  return n;
};

describe("seed scale", () => {
  const c = city();
  const cal = seedCalendar(c.pilot, c.timeZone);
  const ref = fakeRef();
  const pops = c.areas.map((a) => a.properties.population);
  const cams: SeedCamera[] = Array.from({ length: 10 }, (_, i) => ({
    id: i + 1,
    kind: "fixed",
    owner: "city",
    network: "police",
    nearSensitive: false,
  }));

  it("scale 2 doubles flights, accesses, searches and CSO calls", () => {
    const pairs = [
      [count(generateFlights(ref, cal.pilot, 1, 1, pops)), count(generateFlights(ref, cal.pilot, 1, 2, pops))],
      [count(generateAccesses(ref, cams, cal.pilot, 1, 1)), count(generateAccesses(ref, cams, cal.pilot, 1, 2))],
      [count(generateSearches(ref, cal.pilot, 1, 1)), count(generateSearches(ref, cal.pilot, 1, 2))],
      [count(generateCso(ref, cal.pilot, 1, 1, pops)), count(generateCso(ref, cal.pilot, 1, 2, pops))],
    ];
    for (const [one, two] of pairs) {
      expect(two / one).toBeGreaterThan(1.9);
      expect(two / one).toBeLessThan(2.1);
    }
    expect(pairs[0][0]).toBeGreaterThan(2700);
    expect(pairs[0][0]).toBeLessThan(3300);
  });

  it("anchors every event to the configured pilot year and the baseline to the year before", () => {
    const next = (iso: string, n: number) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
    expect(cal.pilot[0].iso).toBe(c.pilot.start);
    expect(cal.pilot.length).toBeGreaterThanOrEqual(365);
    expect(cal.baseline[0].iso).toBe(c.pilot.baselineStart);
    expect(next(cal.baseline.at(-1)!.iso, 1)).toBe(c.pilot.start);
    const flights = [...generateFlights(ref, cal.pilot, 3, 1, pops)];
    const first = Math.min(...flights.map((f) => (f.dispatchedAt ?? f.launchedAt).getTime()));
    const last = Math.max(...flights.map((f) => f.landedAt.getTime()));
    // Local midnight is at most 14 hours from UTC midnight; flights end within hours of their day.
    expect(first).toBeGreaterThanOrEqual(Date.parse(`${c.pilot.start}T00:00:00Z`) - 14 * 3600_000);
    expect(last).toBeLessThan(Date.parse(`${next(cal.pilot.at(-1)!.iso, 1)}T00:00:00Z`) + 18 * 3600_000);
  });
});
