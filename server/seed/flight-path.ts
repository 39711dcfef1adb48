import "server-only";
// A recorded drone path: dock → destination, a small orbit over the scene, and back.
import { haversine, offset, pathLength, roundPt, type AreaShape, type LonLat } from "./geo";
import type { Rng } from "./rng";

function leg(rng: Rng, from: LonLat, to: LonLat, stepM: number, maxPoints: number): LonLat[] {
  const n = Math.max(4, Math.min(maxPoints, Math.ceil(haversine(from, to) / stepM)));
  const out: LonLat[] = [];
  for (let i = 1; i <= n; i++) {
    const t = i / n;
    const p: LonLat = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t];
    out.push(i === n ? to : offset(p, rng.normal(0, 4), rng.normal(0, 4)));
  }
  return out;
}

export type FlightPath = { coords: [number, number][]; distanceM: number; straightM: number };

/**
 * Builds the path. A detour (for the anomaly rules) wanders through two far points on the way,
 * making the distance flown several times the out-and-back straight line.
 */
export function buildPath(
  rng: Rng,
  dock: LonLat,
  dest: LonLat,
  loiterSec: number,
  detourVia: AreaShape[] | null,
): FlightPath {
  const coords: LonLat[] = [dock];
  let cursor = dock;
  if (detourVia) {
    for (const a of detourVia) {
      const [w, s, e, n] = a.bbox;
      const wp: LonLat = [rng.float(w, e), rng.float(s, n)];
      coords.push(...leg(rng, cursor, wp, 150, 20));
      cursor = wp;
    }
  }
  coords.push(...leg(rng, cursor, dest, 90, 40));
  const radius = rng.float(20, 40);
  const orbitPoints = Math.max(12, Math.min(90, Math.round(loiterSec / 25)));
  const phase = rng.float(0, 2 * Math.PI);
  for (let i = 1; i <= orbitPoints; i++) {
    const a = phase + (2 * Math.PI * i) / orbitPoints;
    coords.push(offset(dest, radius * Math.cos(a), radius * Math.sin(a)));
  }
  coords.push(dest);
  coords.push(...leg(rng, dest, dock, 110, 40));
  const rounded = coords.map(roundPt);
  return { coords: rounded, distanceM: Math.round(pathLength(rounded)), straightM: haversine(dock, dest) };
}
