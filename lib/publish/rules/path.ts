// Flight paths: the recorded path minus its approach to the destination. We keep the outbound
// leg up to 400 m (along the path) before first reaching the destination, drop every point
// inside the destination's res-8 cell or within 400 m of it, simplify to <= 100 points and
// round to 4 decimals. Sensitive flights publish no path at all.
import { gridDisk, latLngToCell } from "h3-js";
import { rules } from "../rules";
import type { SensitiveSite } from "./sensitive-sites";

export type LonLat = [number, number];

const R = 6371008.8;
export function distanceM(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const toRad = Math.PI / 180;
  const dLat = (bLat - aLat) * toRad;
  const dLon = (bLon - aLon) * toRad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * toRad) * Math.cos(bLat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** A path's points flat: lon, lat, lon, lat… */
export type FlatPoints = Float64Array;

export type PathInput = {
  /** The recorded points, as [lon, lat] pairs or flat (see pointsOf). */
  coordinates: LonLat[] | FlatPoints;
  /** The scene; when unknown, the point farthest from launch stands in for it. */
  dest?: { lat: number; lon: number } | null;
  sensitive: boolean;
  /** Res-9 cells this flight's published points must avoid (see exclusionFor). */
  avoidCells?: CellSet;
  /** Sensitive sites: no point within a site's radius plus rules.sensitiveSiteBufferM is kept. */
  avoidSites?: readonly SensitiveSite[];
};

export type SensitiveScene = { lat: number; lon: number; at: Date };
/** Res-9 cell → times (ascending) of sensitive calls whose exclusion zone covers it. */
export type ExclusionIndex = Map<string, number[]>;
/** What truncatePath needs of the cells to avoid: a Set, or a lookup that builds none. */
export type CellSet = { has(cell: string): boolean };

export function sensitiveExclusionIndex(scenes: SensitiveScene[]): ExclusionIndex {
  const { resolution, ring } = rules.pathSensitiveExclusion;
  const out: ExclusionIndex = new Map();
  for (const s of scenes) {
    for (const c of gridDisk(latLngToCell(s.lat, s.lon, resolution), ring)) {
      const list = out.get(c);
      if (list) list.push(s.at.getTime());
      else out.set(c, [s.at.getTime()]);
    }
  }
  // Sorted, so a flight's check is a binary search, not a scan of a busy cell's whole year.
  for (const times of out.values()) times.sort((a, b) => a - b);
  return out;
}

/** Whether any of the sorted times lies within [t - win, t + win]. */
function anyWithin(sorted: number[], t: number, win: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t - win) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= t + win;
}

/** The cells a flight launched at `launchedAt` must avoid: zones of sensitive calls within the window. */
export function exclusionFor(index: ExclusionIndex, launchedAt: Date): CellSet {
  const win = rules.pathSensitiveExclusion.hours * 3600_000;
  const t = launchedAt.getTime();
  // A lookup per point, not a set per flight: 300,000 flights against thousands of zones.
  return {
    has: (cell) => {
      const times = index.get(cell);
      return times !== undefined && anyWithin(times, t, win);
    },
  };
}

/** For tests and simple callers: every zone, regardless of time. */
export function sensitiveExclusionCells(scenes: { lat: number; lon: number }[]): Set<string> {
  return new Set(sensitiveExclusionIndex(scenes.map((s) => ({ ...s, at: new Date(0) }))).keys());
}

/**
 * A flight's path_xy (see db/schema/drones.ts: big-endian float8 lon, lat, lon, lat…) as flat points.
 * Reading it costs a fraction of parsing the GeoJSON, and builds no array per point.
 */
export function pointsOf(xy: Uint8Array): FlatPoints {
  const view = new DataView(xy.buffer, xy.byteOffset, xy.byteLength);
  const out = new Float64Array(Math.floor(xy.byteLength / 16) * 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8);
  return out;
}

/** The points that are two finite numbers, flat; the others are dropped. */
function finitePoints(coordinates: LonLat[] | FlatPoints): FlatPoints {
  if (coordinates instanceof Float64Array) {
    const n = Math.floor(coordinates.length / 2);
    let ok = 0;
    for (let i = 0; i < n; i++)
      if (Number.isFinite(coordinates[2 * i]) && Number.isFinite(coordinates[2 * i + 1])) ok++;
    if (ok === n && coordinates.length === 2 * n) return coordinates;
    const out = new Float64Array(2 * ok);
    for (let i = 0, j = 0; i < n; i++) {
      if (Number.isFinite(coordinates[2 * i]) && Number.isFinite(coordinates[2 * i + 1])) {
        out[j++] = coordinates[2 * i];
        out[j++] = coordinates[2 * i + 1];
      }
    }
    return out;
  }
  const pts = coordinates.filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  const out = new Float64Array(2 * pts.length);
  pts.forEach((p, i) => {
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  });
  return out;
}

export function truncatePath(input: PathInput): LonLat[] | null {
  if (input.sensitive) return null;
  // Flat lon, lat pairs: point i is (xy[2i], xy[2i + 1]).
  const xy = finitePoints(input.coordinates);
  const n = xy.length / 2;
  if (n < 2) return null;
  const dest = input.dest ?? farthestFrom(xy);
  // First arrival: the point nearest the destination on the way out (flat-earth distance is
  // enough to find it; the metres below are haversine).
  const kx = Math.cos((dest.lat * Math.PI) / 180);
  let arrival = 0;
  let bestSq = Infinity;
  for (let i = 0; i < n; i++) {
    const dx = (xy[2 * i] - dest.lon) * kx;
    const dy = xy[2 * i + 1] - dest.lat;
    const sq = dx * dx + dy * dy;
    if (sq < bestSq - 1e-18) {
      bestSq = sq;
      arrival = i;
    }
  }
  const best = distanceM(xy[2 * arrival + 1], xy[2 * arrival], dest.lat, dest.lon);
  // Walk back from the arrival until 400 m of path lie between the kept end and the destination.
  let along = best;
  let end = arrival;
  while (end > 0 && along < rules.pathTrimMeters) {
    along += distanceM(xy[2 * end + 1], xy[2 * end], xy[2 * end - 1], xy[2 * end - 2]);
    end -= 1;
  }
  if (along < rules.pathTrimMeters) return null;
  const destCell = latLngToCell(dest.lat, dest.lon, rules.h3Resolution);
  const avoid = input.avoidCells;
  const sites = input.avoidSites?.length ? input.avoidSites : null;
  // Kept: at least 400 m from the destination and outside its res-8 cell (under 1.1 km across, so
  // only nearer points can share it), and clear of the cells to avoid.
  const clear: LonLat[] = [];
  for (let i = 0; i <= end; i++) {
    const lon = xy[2 * i];
    const lat = xy[2 * i + 1];
    const d = distanceM(lat, lon, dest.lat, dest.lon);
    if (d < rules.pathTrimMeters || (d <= 1500 && latLngToCell(lat, lon, rules.h3Resolution) === destCell)) continue;
    if (avoid && avoid.has(latLngToCell(lat, lon, rules.pathSensitiveExclusion.resolution))) continue;
    if (sites?.some((s) => distanceM(lat, lon, s.lat, s.lon) <= s.radiusM + rules.sensitiveSiteBufferM)) continue;
    clear.push([lon, lat]);
  }
  const rounded = dedupe(simplify(clear, rules.pathMaxPoints).map(roundPoint));
  return rounded.length >= 2 ? rounded : null;
}

/** The point farthest from the first one (the first of equals). */
function farthestFrom(xy: FlatPoints): { lat: number; lon: number } {
  let far = 0;
  let fd = -1;
  for (let i = 0; i < xy.length / 2; i++) {
    const d = distanceM(xy[1], xy[0], xy[2 * i + 1], xy[2 * i]);
    if (d > fd) {
      fd = d;
      far = i;
    }
  }
  return { lat: xy[2 * far + 1], lon: xy[2 * far] };
}

export function roundPoint(p: LonLat): LonLat {
  const f = 10 ** rules.coordinateDecimals;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

function dedupe(pts: LonLat[]): LonLat[] {
  return pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
}

/**
 * Douglas-Peucker: first drops points that deviate less than ~3 m (below the 4-decimal
 * resolution we publish), then grows the tolerance until at most `max` points remain.
 */
export function simplify(pts: LonLat[], max: number): LonLat[] {
  if (pts.length <= 2) return pts;
  let tol = 3e-5;
  let out = dp(pts, tol);
  while (out.length > max) {
    out = dp(pts, tol);
    tol *= 2;
  }
  return out;
}

function dp(pts: LonLat[], tol: number): LonLat[] {
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let idx = -1;
    let dmax = tol;
    for (let i = a + 1; i < b; i++) {
      const d = segDist(pts[i], pts[a], pts[b]);
      if (d > dmax) {
        dmax = d;
        idx = i;
      }
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([a, idx], [idx, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

function segDist(p: LonLat, a: LonLat, b: LonLat): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
