// Sensitive sites (shelters, clinics, places of worship, schools; listed in the city config):
// their names and places never surface in public. These decide what counts as "at the site".
import { cellToParent, getResolution, latLngToCell } from "h3-js";
import { rules } from "../rules";
import { distanceM } from "./path";

export type SensitiveSite = { name: string; lat: number; lon: number; radiusM: number };
export type CameraPlace = { name: string; siteName?: string | null; lat: number | null; lon: number | null };

/** Lower case, letters and digits only, single spaces: "St. Brigid's" and "st brigids" compare equal. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f'’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Whether `text` names the site (its whole name, ignoring case and punctuation). */
export function namesSite(text: string | null | undefined, site: SensitiveSite): boolean {
  if (!text) return false;
  const name = normalizeName(site.name);
  return name.length > 0 && ` ${normalizeName(text)} `.includes(` ${name} `);
}

/** The site whose radius plus the buffer holds the point, or null. */
export function siteNear(
  lat: number,
  lon: number,
  sites: readonly SensitiveSite[],
  bufferM: number = rules.sensitiveSiteBufferM,
): SensitiveSite | null {
  return sites.find((s) => distanceM(lat, lon, s.lat, s.lon) <= s.radiusM + bufferM) ?? null;
}

/**
 * The sensitive site a camera is at: one whose radius (plus the buffer) holds the camera, or one
 * its name or site name names, wherever it stands. Null when it is at none.
 */
export function cameraSensitiveSite(
  camera: CameraPlace,
  sites: readonly SensitiveSite[],
  bufferM: number = rules.sensitiveSiteBufferM,
): SensitiveSite | null {
  return (
    sites.find((s) => namesSite(camera.name, s) || namesSite(camera.siteName, s)) ??
    (camera.lat === null || camera.lon === null ? null : siteNear(camera.lat, camera.lon, sites, bufferM))
  );
}

export const isCameraAtSensitiveSite = (camera: CameraPlace, sites: readonly SensitiveSite[], bufferM?: number) =>
  cameraSensitiveSite(camera, sites, bufferM) !== null;

/** Resolution-8 cells that meet any site's disk (radius plus buffer), per list of sites. */
const blockedCache = new WeakMap<readonly SensitiveSite[], Set<string>>();

/**
 * The resolution-8 cells that meet a site's disk (its radius plus the buffer): every cell holding
 * the centre or a point of rings sampled every 15 degrees at a third, two thirds and the whole radius.
 */
export function siteCells(sites: readonly SensitiveSite[], bufferM: number = rules.sensitiveSiteBufferM): Set<string> {
  const cached = bufferM === rules.sensitiveSiteBufferM ? blockedCache.get(sites) : undefined;
  if (cached) return cached;
  const out = new Set<string>();
  const res = rules.h3Resolution;
  for (const s of sites) {
    out.add(latLngToCell(s.lat, s.lon, res));
    const r = s.radiusM + bufferM;
    for (const f of [1 / 3, 2 / 3, 1]) {
      for (let deg = 0; deg < 360; deg += 15) {
        const a = (deg * Math.PI) / 180;
        const dLat = (r * f * Math.cos(a)) / 111_195;
        const dLon = (r * f * Math.sin(a)) / (111_195 * Math.cos((s.lat * Math.PI) / 180));
        out.add(latLngToCell(s.lat + dLat, s.lon + dLon, res));
      }
    }
  }
  if (bufferM === rules.sensitiveSiteBufferM) blockedCache.set(sites, out);
  return out;
}

/**
 * Whether an H3 cell may not be published because of a site: a cell of resolution 8 or finer whose
 * resolution-8 cell meets a site's radius plus the buffer (see siteCells). Coarser cells may.
 */
export function cellTouchesSite(
  cell: string,
  sites: readonly SensitiveSite[],
  bufferM: number = rules.sensitiveSiteBufferM,
): boolean {
  const res = getResolution(cell);
  if (res < rules.h3Resolution || sites.length === 0) return false;
  const c8 = res === rules.h3Resolution ? cell : cellToParent(cell, rules.h3Resolution);
  return siteCells(sites, bufferM).has(c8);
}
