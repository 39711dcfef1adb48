// Small geometry helpers for labelling map features in their text alternative.
import { cellToBoundary, cellToLatLng } from "h3-js";
import { ringsOf, type Geometry, type LatLon } from "./projection";

const outlines = new Map<string, LatLon[]>();
/** Outlines kept: more than a large city's published cells, so a map's every render after the first reuses them. */
const MAX_OUTLINES = 20_000;

/** A cell's corners (computed once per cell: a large city's map has thousands, each used twice per render). */
export function cellOutline(cell: string): LatLon[] {
  const kept = outlines.get(cell);
  if (kept) return kept;
  const outline = cellToBoundary(cell).map(([lat, lon]) => ({ lat, lon }));
  if (outlines.size >= MAX_OUTLINES) outlines.delete(outlines.keys().next().value!);
  outlines.set(cell, outline);
  return outline;
}

export function cellCenter(cell: string): LatLon {
  const [lat, lon] = cellToLatLng(cell);
  return { lat, lon };
}

/** Ray-casting point-in-polygon over all rings (holes flip the result, as they should). */
export function containsPoint(g: Geometry, p: LatLon): boolean {
  let inside = false;
  for (const ring of ringsOf(g)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i],
        [xj, yj] = ring[j];
      if (yi > p.lat !== yj > p.lat && p.lon < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Name of the area containing a point, or `outside` ("outside the city areas"). */
export function areaNameAt<T extends { name: string; geometry: Geometry }>(
  areas: T[],
  p: LatLon,
  outside = "outside the city areas",
): string {
  return areas.find((a) => containsPoint(a.geometry, p))?.name ?? outside;
}
