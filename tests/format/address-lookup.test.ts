// Issue 21 item 5: the address lookup on /drones/nearby resolves typed intersections locally.
import { describe, expect, it } from "vitest";
import { lookupAddress } from "@/lib/geo/address-lookup";

const POINTS = [
  { name: "Main St & 3rd St", lat: 33.89, lon: -118.35 },
  { name: "Main St & 4th St", lat: 33.891, lon: -118.35 },
  { name: "Marina Way & Pier Rd", lat: 33.885, lon: -118.343 },
  { name: "Grant Ave & 5th St", lat: 33.884, lon: -118.362 },
];

describe("address lookup", () => {
  it("finds an intersection however it is typed", () => {
    for (const q of [
      "Main St & 3rd St",
      "main and 3rd",
      "3rd St / Main St",
      "Main Street & Third Street",
      "  MAIN st at 3rd st ",
    ])
      expect(lookupAddress(q, POINTS), q).toEqual({ found: POINTS[0] });
  });

  it("suggests the places a partial entry could mean", () => {
    expect(lookupAddress("Main", POINTS)).toEqual({
      found: null,
      suggestions: ["Main St & 3rd St", "Main St & 4th St"],
    });
    expect(lookupAddress("Pier", POINTS)).toEqual({ found: null, suggestions: ["Marina Way & Pier Rd"] });
  });

  it("an unknown or empty entry finds nothing", () => {
    expect(lookupAddress("Elm St & 9th St", POINTS)).toEqual({ found: null, suggestions: [] });
    expect(lookupAddress("   ", POINTS)).toEqual({ found: null, suggestions: [] });
    expect(lookupAddress("<script>", POINTS)).toEqual({ found: null, suggestions: [] });
  });
});
