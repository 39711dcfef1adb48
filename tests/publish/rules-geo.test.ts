import { cellToParent, getResolution, latLngToCell } from "h3-js";
import { describe, expect, it } from "vitest";
import { cellOf, generalize } from "../../lib/publish/rules/h3";
import {
  distanceM,
  exclusionFor,
  pointsOf,
  sensitiveExclusionIndex,
  simplify,
  truncatePath,
  type LonLat,
} from "../../lib/publish/rules/path";

const base = { lat: 33.8902, lon: -118.3489 };

describe("H3 generalization", () => {
  it("busy res-8 cells publish at res 8, sparse ones merge into the res-7 parent or are suppressed", () => {
    const busy = Array.from({ length: 12 }, () => ({ ...base, sensitive: false }));
    const sparseNear = Array.from({ length: 3 }, () => ({ lat: base.lat + 0.006, lon: base.lon, sensitive: false }));
    const g = generalize([...busy, ...sparseNear]);
    expect(getResolution(g.cellFor(busy[0])!)).toBe(8);
    // 3 sparse events alone in their parent: fewer than 11 -> suppressed
    const parent = cellToParent(cellOf(sparseNear[0].lat, sparseNear[0].lon), 7);
    expect(g.counts.get(parent)).toBeUndefined();
    expect(g.cellFor(sparseNear[0])).toBeNull();
    expect(g.suppressedEvents).toBe(3);
    // With more sparse events across the parent, they publish at res 7
    const more = Array.from({ length: 9 }, (_, i) => ({
      lat: base.lat + 0.006 + i * 0.0001,
      lon: base.lon - 0.005,
      sensitive: false,
    }));
    const g2 = generalize([...busy, ...sparseNear, ...more]);
    const p7 = g2.cellFor(sparseNear[0]);
    if (p7) expect(getResolution(p7)).toBe(7);
    for (const [, n] of g2.counts) expect(n).toBeGreaterThanOrEqual(11);
  });
  it("sensitive events are never finer than res 7", () => {
    const evs = Array.from({ length: 20 }, () => ({ ...base, sensitive: true }));
    const g = generalize(evs);
    const c = g.cellFor(evs[0])!;
    expect(getResolution(c)).toBe(7);
    expect(c).toBe(latLngToCell(base.lat, base.lon, 7));
  });
});

function line(from: { lat: number; lon: number }, to: { lat: number; lon: number }, n: number): LonLat[] {
  return Array.from(
    { length: n + 1 },
    (_, i) => [from.lon + ((to.lon - from.lon) * i) / n, from.lat + ((to.lat - from.lat) * i) / n] as LonLat,
  );
}

describe("flight path truncation", () => {
  const dock = { lat: 33.8838, lon: -118.3618 };
  const dest = { lat: 33.896, lon: -118.344 };
  const out = line(dock, dest, 300);
  const back = line(dest, dock, 300).slice(1);

  it("removes the last 400 m and the destination's cell, keeps <= 100 points at 4 decimals", () => {
    const p = truncatePath({ coordinates: [...out, ...back], dest, sensitive: false })!;
    expect(p.length).toBeGreaterThanOrEqual(2);
    expect(p.length).toBeLessThanOrEqual(100);
    const destCell = latLngToCell(dest.lat, dest.lon, 8);
    for (const [lon, lat] of p) {
      expect(distanceM(lat, lon, dest.lat, dest.lon)).toBeGreaterThan(390);
      expect(latLngToCell(lat, lon, 8)).not.toBe(destCell);
      expect(Math.round(lon * 1e4) / 1e4).toBe(lon);
      expect(Math.round(lat * 1e4) / 1e4).toBe(lat);
    }
  });
  it("publishes nothing for sensitive flights or for short hops", () => {
    expect(truncatePath({ coordinates: [...out, ...back], dest, sensitive: true })).toBeNull();
    const short = line(dest, { lat: dest.lat + 0.002, lon: dest.lon }, 10).reverse();
    expect(truncatePath({ coordinates: short, dest, sensitive: false })).toBeNull();
  });
  it("without a recorded destination, treats the farthest point as the scene", () => {
    const p = truncatePath({ coordinates: [...out, ...back], dest: null, sensitive: false })!;
    for (const [lon, lat] of p) expect(distanceM(lat, lon, dest.lat, dest.lon)).toBeGreaterThan(390);
  });
  it("gives the same path from flat points (path_xy) as from [lon, lat] pairs, dropping points that are not two numbers", () => {
    const pairs = [...out, ...back];
    const flat = new Float64Array(pairs.flat());
    for (const d of [dest, null])
      expect(truncatePath({ coordinates: flat, dest: d, sensitive: false })).toEqual(
        truncatePath({ coordinates: pairs, dest: d, sensitive: false }),
      );
    // A NaN pair (how path_xy stores a point that is not two numbers) is dropped like a bad pair.
    const withBad = new Float64Array([...out.slice(0, 5).flat(), NaN, NaN, ...out.slice(5).flat(), ...back.flat()]);
    const badPairs = [...out.slice(0, 5), ["x", 1] as unknown as LonLat, ...out.slice(5), ...back];
    expect(truncatePath({ coordinates: withBad, dest, sensitive: false })).toEqual(
      truncatePath({ coordinates: pairs, dest, sensitive: false }),
    );
    expect(truncatePath({ coordinates: badPairs, dest, sensitive: false })).toEqual(
      truncatePath({ coordinates: pairs, dest, sensitive: false }),
    );
  });
  it("reads path_xy's big-endian float8 pairs, at any byte offset", () => {
    const bytes = Buffer.alloc(3 + 32);
    [-118.3618, 33.8838, -118.344, 33.896].forEach((v, i) => bytes.writeDoubleBE(v, 3 + i * 8));
    expect([...pointsOf(bytes.subarray(3))]).toEqual([-118.3618, 33.8838, -118.344, 33.896]);
  });
  it("simplify keeps the ends and caps the count", () => {
    const zig = Array.from({ length: 1000 }, (_, i) => [i * 0.0001, (i % 2) * 0.001] as LonLat);
    const s = simplify(zig, 100);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s[0]).toEqual(zig[0]);
    expect(s[s.length - 1]).toEqual(zig[999]);
  });
});

describe("sensitive exclusion zones", () => {
  it("drops every path point near a sensitive scene, whichever flight it belongs to", async () => {
    const { sensitiveExclusionCells } = await import("../../lib/publish/rules/path");
    const from = { lat: 33.8838, lon: -118.3618 };
    const to = { lat: 33.8838, lon: -118.33 };
    const scene = { lat: 33.884, lon: -118.347 }; // beside the route
    // A zig-zag, so simplification keeps points along the way.
    const coords = line(from, to, 60).map(([lon, lat], i) => [lon, lat + (i % 2 ? 0.0003 : 0)] as LonLat);
    const plain = truncatePath({ coordinates: coords, dest: to, sensitive: false })!;
    expect(plain.some(([lon, lat]) => distanceM(lat, lon, scene.lat, scene.lon) < 150)).toBe(true);
    const p = truncatePath({
      coordinates: coords,
      dest: to,
      sensitive: false,
      avoidCells: sensitiveExclusionCells([scene]),
    })!;
    for (const [lon, lat] of p) expect(distanceM(lat, lon, scene.lat, scene.lon)).toBeGreaterThan(200);
  });

  it("a flight avoids only the zones of sensitive calls within 48 hours of its launch", () => {
    const h = 3600_000;
    const t0 = Date.UTC(2026, 5, 1, 12);
    const near = { lat: base.lat + 0.01, lon: base.lon + 0.01 };
    const far = { lat: base.lat - 0.02, lon: base.lon - 0.02 };
    const index = sensitiveExclusionIndex([
      { ...near, at: new Date(t0 - 100 * h) },
      { ...near, at: new Date(t0 + 48 * h) },
      { ...near, at: new Date(t0 + 200 * h) },
      { ...far, at: new Date(t0 - 49 * h) },
    ]);
    const nearCell = latLngToCell(near.lat, near.lon, 9);
    const farCell = latLngToCell(far.lat, far.lon, 9);
    expect(exclusionFor(index, new Date(t0)).has(nearCell)).toBe(true); // the call 48 h later, exactly at the edge
    expect(exclusionFor(index, new Date(t0 - 1)).has(nearCell)).toBe(false); // 48 h + 1 ms before it
    expect(exclusionFor(index, new Date(t0 - 60 * h)).has(nearCell)).toBe(true); // 40 h after the first call
    expect(exclusionFor(index, new Date(t0 + 180 * h)).has(nearCell)).toBe(true); // 20 h before the third
    expect(exclusionFor(index, new Date(t0 + 300 * h)).has(nearCell)).toBe(false);
    expect(exclusionFor(index, new Date(t0)).has(farCell)).toBe(false); // 49 h earlier
    expect(exclusionFor(index, new Date(t0 - 2 * h)).has(farCell)).toBe(true);
  });
});
