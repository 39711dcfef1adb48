// Small geometry helpers for labelling map features in their text alternative.
import { cellToBoundary, cellToLatLng } from "h3-js";
import { ringsOf, type Geometry, type LatLon } from "./projection";

export function cellOutline(cell: string): LatLon[] {
  return cellToBoundary(cell).map(([lat, lon]) => ({ lat, lon }));
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
