import "server-only";
// Plain geometry for generating points and paths inside the configured areas.
import type { Rng } from "./rng";

export type LonLat = [number, number];
type Ring = LonLat[];
export type AreaShape = { id: number; slug: string; polygons: Ring[][]; bbox: [number, number, number, number] };

const R = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversine(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

export function pathLength(coords: LonLat[]): number {
  let d = 0;
  for (let i = 1; i < coords.length; i++) d += haversine(coords[i - 1], coords[i]);
  return d;
}

/** Moves a point by metres east and north (fine at city scale). */
export function offset(p: LonLat, east: number, north: number): LonLat {
  return [p[0] + east / (111320 * Math.cos(rad(p[1]))), p[1] + north / 110540];
}

function inRing(p: LonLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inArea(p: LonLat, area: AreaShape): boolean {
  return area.polygons.some((poly) => inRing(p, poly[0]) && !poly.slice(1).some((hole) => inRing(p, hole)));
}

export function toShape(
  id: number,
  slug: string,
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown },
): AreaShape {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const poly of polygons)
    for (const [x, y] of poly[0]) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  return { id, slug, polygons, bbox: [w, s, e, n] };
}

/** A uniformly random point inside the area, kept `marginM` metres clear of its bounding box edge. */
export function randomPointIn(rng: Rng, area: AreaShape, marginM = 25): LonLat {
  const [w, s, e, n] = area.bbox;
  const mx = marginM / 92000;
  const my = marginM / 110540;
  for (let i = 0; i < 200; i++) {
    const p: LonLat = [rng.float(w + mx, e - mx), rng.float(s + my, n - my)];
    if (inArea(p, area)) return p;
  }
  throw new Error(`could not place a point inside area ${area.slug}`);
}

export function areaOf(p: LonLat, areas: AreaShape[]): AreaShape | undefined {
  return areas.find((a) => inArea(p, a));
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
export const roundPt = (p: LonLat): LonLat => [round6(p[0]), round6(p[1])];
