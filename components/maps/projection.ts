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

/**
 * A closed ring as short path data: the first corner where it is, each next one as a step from the
 * one before, each to the tenth of a pixel the absolute paths use (steps between rounded corners,
 * so nothing drifts). A large city's map has thousands of cells: a third fewer bytes than absolute.
 */
export function ringPath(pts: LatLon[], proj: Projection): string {
  const tenths = pts.map((p) => proj.project(p).map((v) => Math.round(v * 10)));
  if (tenths.length === 0) return "";
  const [x0, y0] = tenths[0];
  let out = `M${x0 / 10},${y0 / 10}`;
  if (tenths.length === 1) return out + "Z";
  out += "l";
  for (let i = 1; i < tenths.length; i++)
    for (let k = 0; k < 2; k++) {
      const step = short((tenths[i][k] - tenths[i - 1][k]) / 10);
      // A minus sign separates two numbers itself; anything else needs a space.
      out += (i === 1 && k === 0) || step.startsWith("-") ? step : ` ${step}`;
    }
  return out + "Z";
}

/** 0.5 as ".5", -0.5 as "-.5": SVG path data reads both. */
const short = (n: number) => String(n).replace(/^(-?)0\./, "$1.");

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
