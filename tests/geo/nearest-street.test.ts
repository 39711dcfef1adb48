// Issue 21: a map click on "Was that a police drone?" is described by the nearest street or
// intersection and the area, from the demo city's own street layer, never as coordinates.
import { describe, expect, it } from "vitest";
import { loadCityConfig } from "@/lib/config/city";
import { describeSpot } from "@/lib/geo/nearest-street";

const c = loadCityConfig("config/demo-city.json");
const areas = c.areas.map((a) => ({ name: a.properties.name, geometry: a.geometry }));
const street = (name: string) => {
  const s = c.streets.find((x) => x.name === name);
  if (!s) throw new Error(`demo street layer has no ${name}`);
  return s.coordinates;
};
/** Where two straight demo streets cross (the demo grid's north-south streets share a longitude). */
function corner(ns: string, ew: string): { lat: number; lon: number } {
  return { lon: street(ns)[0][0], lat: street(ew)[0][1] };
}

describe("describeSpot on the demo street layer", () => {
  it("names the corner of two streets for a click at their intersection", () => {
    const p = corner("Main St", "3rd St");
    const d = describeSpot(p.lat + 0.0001, p.lon + 0.0001, c.streets, areas);
    expect(d.atCorner).toBe(true);
    expect([d.street, d.cross].sort()).toEqual(["3rd St", "Main St"]);
  });

  it("names the street and the nearest cross street for a click mid-block", () => {
    const a = corner("Main St", "3rd St");
    const b = corner("Main St", "4th St");
    // On Main St, a little less than halfway from 3rd St to 4th St (a block is about 180 m).
    const d = describeSpot(a.lat + (b.lat - a.lat) * 0.45, a.lon + 0.00005, c.streets, areas);
    expect(d).toMatchObject({ street: "Main St", cross: "3rd St", atCorner: false });
  });

  it("names the area the spot is in", () => {
    const p = corner("Main St", "3rd St");
    const d = describeSpot(p.lat, p.lon, c.streets, areas);
    const expected = c.areas.find(
      (a) => describeSpot(p.lat, p.lon, [], [{ name: a.properties.name, geometry: a.geometry }]).area,
    );
    expect(expected).toBeDefined();
    expect(d.area).toBe(expected?.properties.name);
  });

  it("names no street far from every street, and nothing without a street layer", () => {
    const far = describeSpot(c.region.north - 0.001, c.region.west + 0.001, c.streets, areas);
    expect(far.street).toBeNull();
    expect(far.cross).toBeNull();
    expect(describeSpot(33.89, -118.35, [], [])).toEqual({ street: null, cross: null, atCorner: false, area: null });
  });

  it("describes the same spot the same way every time, with no digits of coordinates", () => {
    const p = corner("Oak St", "Pier Rd");
    const one = describeSpot(p.lat, p.lon, c.streets, areas);
    expect(describeSpot(p.lat, p.lon, [...c.streets].reverse(), areas)).toEqual(one);
    expect(JSON.stringify(one)).not.toMatch(/\d+\.\d{3}/);
  });
});
