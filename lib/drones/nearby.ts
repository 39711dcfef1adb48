// "Was that a police drone?": which published flights passed near a place. Works only on the
// published (already truncated and generalized) data: a path within the radius, or a scene
// cell that contains or touches the place.
import { getResolution, gridDisk, latLngToCell } from "h3-js";

export type NearbyCandidate = { path: { coordinates: [number, number][] } | null; h3Cell: string | null };

/** Distance in metres from a point to a polyline (flat-earth per segment: fine at city scale). */
export function distanceToPath(lat: number, lon: number, coords: [number, number][]): number {
  const kx = 111320 * Math.cos((lat * Math.PI) / 180);
  const ky = 110540;
  const xy = coords.map(([x, y]) => [(x - lon) * kx, (y - lat) * ky] as const);
  if (xy.length === 1) return Math.hypot(xy[0][0], xy[0][1]);
  let best = Infinity;
  for (let i = 1; i < xy.length; i++) {
    const [bx, by] = xy[i - 1];
    const dx = xy[i][0] - bx,
      dy = xy[i][1] - by;
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(bx * dx + by * dy) / len));
    best = Math.min(best, Math.hypot(bx + t * dx, by + t * dy));
  }
  return best;
}

export type NearbyMatch = { how: "path" | "scene"; distanceM: number | null };

export function passedNearby(c: NearbyCandidate, lat: number, lon: number, radiusM: number): NearbyMatch | null {
  if (c.path && c.path.coordinates.length > 0) {
    const d = distanceToPath(lat, lon, c.path.coordinates);
    if (d <= radiusM) return { how: "path", distanceM: Math.round(d / 10) * 10 };
  }
  if (c.h3Cell) {
    const res = getResolution(c.h3Cell);
    const here = latLngToCell(lat, lon, res);
    if (here === c.h3Cell || (res >= 8 && gridDisk(here, 1).includes(c.h3Cell)))
      return { how: "scene", distanceM: null };
  }
  return null;
}

type Ring = [number, number][];
export type AreaGeometry = { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
export type Place =
  { kind: "point"; lat: number; lon: number; radiusM: number } | { kind: "area"; slug: string; geometry: AreaGeometry };

function rings(g: AreaGeometry): Ring[] {
  return g.type === "Polygon" ? (g.coordinates as Ring[]) : (g.coordinates as Ring[][]).flat();
}

export function insideArea(g: AreaGeometry, lat: number, lon: number): boolean {
  let inside = false;
  for (const ring of rings(g)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i],
        [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether a published flight passed the place: its path, or its scene's area or cell. */
export function matchPlace(c: NearbyCandidate & { areaSlug: string | null }, place: Place): NearbyMatch | null {
  if (place.kind === "point") return passedNearby(c, place.lat, place.lon, place.radiusM);
  if (c.areaSlug === place.slug) return { how: "scene", distanceM: null };
  if (c.path?.coordinates.some(([lon, lat]) => insideArea(place.geometry, lat, lon)))
    return { how: "path", distanceM: null };
  return null;
}
