// Small geometry helpers for imports: distances, the farthest point of a path, point in polygon.

export type LonLat = [number, number];

const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineM(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function pathLengthM(path: LonLat[]): number {
  let m = 0;
  for (let i = 1; i < path.length; i++) m += haversineM(path[i - 1], path[i]);
  return m;
}

/** A recorded path goes dock → scene → dock: the scene is the point farthest from the launch. */
export function farthestFrom(origin: LonLat, path: LonLat[]): LonLat {
  let best = path[0];
  let bestM = -1;
  for (const p of path) {
    const m = haversineM(origin, p);
    if (m > bestM) [best, bestM] = [p, m];
  }
  return best;
}

type Ring = number[][];
type Geometry = { type: "Polygon" | "MultiPolygon"; coordinates: unknown };

function inRing(pt: LonLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd test over the outer ring minus holes, for Polygon and MultiPolygon. */
export function inGeometry(pt: LonLat, g: Geometry): boolean {
  const polys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as Ring[][];
  return polys.some((rings) => inRing(pt, rings[0]) && !rings.slice(1).some((h) => inRing(pt, h)));
}
