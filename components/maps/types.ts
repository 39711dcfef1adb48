import type { Geometry, LatLon } from "./projection";

export type MapArea = { slug: string; name: string; geometry: Geometry };
/** Count per H3 cell; null = suppressed ("fewer than 11"), drawn hatched. */
export type MapCell = { cell: string; count: number | null };
export type MapPointKind = "dock" | "camera" | "plate_reader" | "other";
/** A street centerline: [lon, lat] pairs. */
export type StreetLine = { name: string; coordinates: [number, number][] };
export type MapPoint = { id: string; label: string; lat: number; lon: number; kind: MapPointKind };
export type { Geometry, LatLon };

/** Areas from the city config's GeoJSON features (what pages pass in). */
export function areasFromFeatures(
  features: Array<{ properties: { slug: string; name: string }; geometry: Geometry }>,
): MapArea[] {
  return features.map((f) => ({ slug: f.properties.slug, name: f.properties.name, geometry: f.geometry }));
}
