// JSON inputs: an array of objects, {rows|data|records: [...]}, a GeoJSON FeatureCollection
// (properties + geometry) or an ArcGIS FeatureSet (attributes + geometry.paths).
import { FileError } from "./errors";
import type { Opened } from "./read";

type Obj = Record<string, unknown>;

export function readJsonRows(text: string): Opened {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FileError(`The file is not valid JSON: ${(e as Error).message}`, "format");
  }
  let kind: Opened["kind"] = "json";
  let objects: Obj[];
  const d = doc as Obj;
  if (Array.isArray(doc)) objects = doc as Obj[];
  else if (d && d.type === "FeatureCollection" && Array.isArray(d.features)) {
    kind = "geojson";
    objects = (d.features as Obj[]).map((f) => ({ ...((f?.properties as Obj) ?? {}), geometry: f?.geometry ?? null }));
  } else if (d && d.type === "Feature") {
    kind = "geojson";
    objects = [{ ...((d.properties as Obj) ?? {}), geometry: d.geometry ?? null }];
  } else if (d && Array.isArray(d.features)) {
    const wkid = ((d.spatialReference as Obj)?.latestWkid ?? (d.spatialReference as Obj)?.wkid) as number | undefined;
    objects = (d.features as Obj[]).map((f) => ({
      ...((f?.attributes as Obj) ?? {}),
      geometry: arcgisLine(f?.geometry as Obj, wkid),
    }));
  } else {
    const list = d?.rows ?? d?.data ?? d?.records;
    if (!Array.isArray(list)) {
      throw new FileError(
        'JSON must be an array of rows, {"rows": [...]}, a GeoJSON FeatureCollection or an ArcGIS FeatureSet',
        "format",
      );
    }
    objects = list as Obj[];
  }
  const header: string[] = [];
  const index = new Map<string, number>();
  for (const o of objects) {
    if (!o || typeof o !== "object" || Array.isArray(o)) continue;
    for (const k of Object.keys(o)) {
      const key = k.trim().toLowerCase();
      if (!index.has(key)) {
        index.set(key, header.length);
        header.push(key);
      }
    }
  }
  // Async to match the CSV reader's batches, although the parsed JSON is already in memory.
  // eslint-disable-next-line @typescript-eslint/require-await
  async function* batches() {
    let n = 0;
    let out: { line: number; cells: unknown[] }[] = [];
    for (const o of objects) {
      n++;
      const cells: unknown[] = new Array(header.length).fill(undefined);
      if (o && typeof o === "object" && !Array.isArray(o)) {
        for (const [k, v] of Object.entries(o)) cells[index.get(k.trim().toLowerCase())!] = v;
      }
      out.push({ line: n, cells });
      if (out.length >= 2000) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }
  return { kind, header, batches: batches() };
}

/** ArcGIS polylines carry `paths` in the layer's spatial reference; web mercator is converted to lon/lat. */
function arcgisLine(g: Obj | undefined, wkid: number | undefined): unknown {
  const paths = g?.paths as number[][][] | undefined;
  if (!Array.isArray(paths) || !Array.isArray(paths[0])) return g ?? null;
  const mercator = wkid === 102100 || wkid === 3857 || (g?.spatialReference as Obj)?.wkid === 102100;
  const coords = paths.flat().map(([x, y]) => (mercator ? fromMercator(x, y) : [x, y]));
  return { type: "LineString", coordinates: coords };
}

function fromMercator(x: number, y: number): [number, number] {
  const lon = (x / 6378137) * (180 / Math.PI);
  const lat = (Math.atan(Math.exp(y / 6378137)) * 2 - Math.PI / 2) * (180 / Math.PI);
  return [lon, lat];
}
