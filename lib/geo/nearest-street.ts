// Describes a spot clicked on a map in words a resident uses: the nearest street, the cross street
// when the spot is at a corner (or the nearest one along the way), and the area it lies in. Built
// from the city's street layer, locally; the spot is never echoed as coordinates.
import { distanceToPath, insideArea, type AreaGeometry } from "../drones/nearby";

type StreetLine = { name: string; coordinates: [number, number][] };
type NamedArea = { name: string; geometry: AreaGeometry };
export type SpotDescription = {
  /** The nearest street, or null when the city has no street layer or none is close. */
  street: string | null;
  /** The nearest other street: the corner's cross street when `atCorner`, else the nearest along the way. */
  cross: string | null;
  atCorner: boolean;
  /** The area the spot lies in, or null outside every area. */
  area: string | null;
};

/** A spot within this distance of two streets is "at" their corner. */
const CORNER_M = 60;
/** Farther than this from every street, no street is named (the spot is off the street grid). */
const NEAR_STREET_M = 400;

export function describeSpot(
  lat: number,
  lon: number,
  streets: readonly StreetLine[],
  areas: readonly NamedArea[] = [],
): SpotDescription {
  // One distance per street name: a street drawn in several pieces counts once, by its nearest piece.
  const byName = new Map<string, number>();
  for (const s of streets) {
    const d = distanceToPath(lat, lon, s.coordinates);
    if (d < (byName.get(s.name) ?? Infinity)) byName.set(s.name, d);
  }
  // Ties break by name so the same spot always reads the same way.
  const ranked = [...byName].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const area = areas.find((a) => insideArea(a.geometry, lat, lon))?.name ?? null;
  const [first, second] = ranked;
  if (!first || first[1] > NEAR_STREET_M) return { street: null, cross: null, atCorner: false, area };
  const cross = second && second[1] <= NEAR_STREET_M ? second[0] : null;
  return { street: first[0], cross, atCorner: cross !== null && second[1] <= CORNER_M, area };
}
