// A flat projection for a small city: longitude scaled by cos(latitude), so shapes keep their
// proportions within a few miles. No tiles or network: we draw the configured area outlines.
export type LatLon = { lat: number; lon: number };
export type Bounds = { west: number; south: number; east: number; north: number };
export type Geometry = { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
export type Projection = {
  width: number;
  height: number;
  project(p: LatLon): [number, number];
  invert(x: number, y: number): LatLon;
};

/** Outer and inner rings of a Polygon or MultiPolygon as [lon, lat] lists. */
export function ringsOf(g: Geometry): number[][][] {
  if (g.type === "Polygon") return g.coordinates as number[][][];
  return (g.coordinates as number[][][][]).flat();
}

export function boundsOf(points: Iterable<LatLon>): Bounds {
  const b = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const p of points) {
    b.west = Math.min(b.west, p.lon);
    b.east = Math.max(b.east, p.lon);
    b.south = Math.min(b.south, p.lat);
    b.north = Math.max(b.north, p.lat);
  }
  return b;
}

export function makeProjection(b: Bounds, width: number, padding = 12): Projection {
  const midLat = (b.north + b.south) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((b.east - b.west) * k, 1e-9);
  const spanY = Math.max(b.north - b.south, 1e-9);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  return {
    width,
    height,
    project: ({ lat, lon }) => [padding + (lon - b.west) * k * scale, padding + (b.north - lat) * scale],
    invert: (x, y) => ({ lon: b.west + (x - padding) / (k * scale), lat: b.north - (y - padding) / scale }),
  };
}

/** SVG path data for a geometry (rings closed, even-odd fill handles holes). */
export function geometryPath(g: Geometry, proj: Projection): string {
  return ringsOf(g)
    .map((ring) => ring.map(([lon, lat], i) => `${i ? "L" : "M"}${fmt(proj.project({ lat, lon }))}`).join("") + "Z")
    .join("");
}

export function pointsPath(pts: LatLon[], proj: Projection): string {
  return pts.map((p, i) => `${i ? "L" : "M"}${fmt(proj.project(p))}`).join("");
}

/** Label anchor: the centre of the outer ring's vertices (good enough for convex-ish areas). */
export function ringCenter(g: Geometry): LatLon {
  const ring = ringsOf(g)[0] ?? [];
  const n = Math.max(ring.length - 1, 1);
  let lat = 0,
    lon = 0;
  for (let i = 0; i < n; i++) {
    lon += ring[i][0];
    lat += ring[i][1];
  }
  return { lat: lat / n, lon: lon / n };
}

function fmt([x, y]: [number, number]): string {
  return `${x.toFixed(1)},${y.toFixed(1)}`;
}
