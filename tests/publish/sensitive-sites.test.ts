import { getResolution, latLngToCell } from "h3-js";
import { describe, expect, it } from "vitest";
import { rules } from "../../lib/publish/rules";
import { generalize } from "../../lib/publish/rules/h3";
import { distanceM, truncatePath, type LonLat } from "../../lib/publish/rules/path";
import {
  cameraSensitiveSite,
  cellTouchesSite,
  isCameraAtSensitiveSite,
  namesSite,
  siteNear,
  type SensitiveSite,
} from "../../lib/publish/rules/sensitive-sites";

// Made-up sites, in the city config's shape.
const shelter: SensitiveSite = { name: "Harbor Light Women's Shelter", lat: 33.8832, lon: -118.3395, radiusM: 150 };
const church: SensitiveSite = { name: "St. Odran Church", lat: 33.8856, lon: -118.3572, radiusM: 120 };
const sites = [shelter, church];
/** A point `m` metres north of a site. */
const north = (s: SensitiveSite, m: number) => ({ lat: s.lat + m / 111_195, lon: s.lon });

describe("is a camera at a sensitive site", () => {
  it("inside the radius, or within the configured buffer beyond it", () => {
    const at = (m: number) => isCameraAtSensitiveSite({ name: "Main St & 3rd", ...north(shelter, m) }, sites);
    expect(at(25)).toBe(true);
    expect(at(shelter.radiusM + rules.sensitiveSiteBufferM - 5)).toBe(true);
    expect(at(shelter.radiusM + rules.sensitiveSiteBufferM + 5)).toBe(false);
    expect(rules.sensitiveSiteBufferM).toBeGreaterThan(0);
  });

  it("a camera named after a site is at it wherever it stands, whatever the case and punctuation", () => {
    const far = north(church, 3000);
    expect(cameraSensitiveSite({ name: "Camera near St Odran church", ...far }, sites)).toBe(church);
    expect(
      cameraSensitiveSite({ name: "Pole 4", siteName: "Outside HARBOR LIGHT WOMENS SHELTER", ...far }, sites),
    ).toBe(shelter);
    expect(cameraSensitiveSite({ name: "Pole 4", siteName: null, lat: null, lon: null }, sites)).toBeNull();
    // A word of the name is not the name.
    expect(namesSite("Harbor Blvd & 5th", shelter)).toBe(false);
    expect(isCameraAtSensitiveSite({ name: "Harbor Blvd & 5th", ...far }, sites)).toBe(false);
  });

  it("siteNear names the site", () => {
    const p = north(church, 50);
    expect(siteNear(p.lat, p.lon, sites)).toBe(church);
    expect(siteNear(p.lat + 0.05, p.lon, sites)).toBeNull();
  });
});

describe("places near sensitive sites", () => {
  it("no res-8 or finer cell at a site; coarser cells are fine", () => {
    expect(cellTouchesSite(latLngToCell(shelter.lat, shelter.lon, 8), sites)).toBe(true);
    expect(cellTouchesSite(latLngToCell(shelter.lat, shelter.lon, 9), sites)).toBe(true);
    expect(cellTouchesSite(latLngToCell(shelter.lat, shelter.lon, 7), sites)).toBe(false);
    const far = north(shelter, 5000);
    expect(cellTouchesSite(latLngToCell(far.lat, far.lon, 8), sites)).toBe(false);
  });

  it("events in a site's res-8 cell publish at res 7 at most, however many", () => {
    const busy = Array.from({ length: 40 }, () => ({ ...north(shelter, 30), sensitive: false }));
    const without = generalize(busy);
    expect(getResolution(without.cellFor(busy[0])!)).toBe(8);
    const g = generalize(busy, undefined, sites);
    const cell = g.cellFor(busy[0]);
    expect(cell === null || getResolution(cell) <= 7).toBe(true);
    expect(g.cellsOfEvents().every((c) => c === null || getResolution(c) <= 7)).toBe(true);
    expect([...g.counts.keys()].every((c) => getResolution(c) <= 7)).toBe(true);
  });

  it("a path keeps no point within a site's radius plus the buffer", () => {
    // Due north through the shelter, far past it to the destination.
    const pts: LonLat[] = Array.from({ length: 60 }, (_, i) => [
      shelter.lon + (i % 2 ? 0.0003 : -0.0003),
      shelter.lat - 0.01 + i * 0.0005,
    ]);
    const dest = { lat: pts[59][1], lon: pts[59][0] };
    const plain = truncatePath({ coordinates: pts, dest, sensitive: false })!;
    const near = (p: LonLat) =>
      distanceM(p[1], p[0], shelter.lat, shelter.lon) <= shelter.radiusM + rules.sensitiveSiteBufferM;
    expect(plain.some(near)).toBe(true);
    const kept = truncatePath({ coordinates: pts, dest, sensitive: false, avoidSites: sites })!;
    expect(kept.length).toBeGreaterThan(2);
    expect(kept.some(near)).toBe(false);
  });
});
