// Finds leaks in any public text (HTML, JSON, CSV, GeoJSON): a canary string, or a coordinate
// (a lat-like and a lon-like number close together, or an H3 cell) within 150 m of the
// sensitive point. Shared by the vitest leak test and e2e/leak.spec.ts.
import { cellToLatLng, getResolution, isValidCell } from "h3-js";
import { city } from "../../lib/config/city";
import { CANARY, CANARY_STRINGS } from "../../lib/publish/canary-values";
import { rules } from "../../lib/publish/rules";
import { distanceM } from "../../lib/publish/rules/path";
import { cellTouchesSite, normalizeName, siteNear, type SensitiveSite } from "../../lib/publish/rules/sensitive-sites";

const P = CANARY.sensitivePoint;
const NUM = /-?\d{1,3}\.\d+/g;

export type Site = { lat: number; lon: number };

/**
 * `disclosedSites`: fixed city infrastructure the rules allow at its site (camera and plate-reader
 * sites, docks). Such a coordinate is not derived from any event, so it is not a leak however close
 * it happens to stand to the sensitive call.
 */
export function findLeaks(text: string, where: string, disclosedSites: Site[] = []): string[] {
  return [...findPointLeaks(text, where, disclosedSites), ...findSiteLeaks(text, where)];
}

function findPointLeaks(text: string, where: string, disclosedSites: Site[]): string[] {
  const disclosed = new Set(disclosedSites.map((s) => `${s.lat.toFixed(4)},${s.lon.toFixed(4)}`));
  const out: string[] = [];
  const lower = text.toLowerCase();
  for (const c of CANARY_STRINGS) if (lower.includes(c.toLowerCase())) out.push(`${where}: canary "${c}"`);
  // Pair each number with the next three numbers within 200 characters, in either order:
  // [lon, lat] arrays, "lat, lon" text and {"lat":…,"lon":…} objects all pair up this way.
  const nums = [...text.matchAll(NUM)].map((m) => ({ v: Number(m[0]), i: m.index }));
  for (let a = 0; a < nums.length; a++) {
    for (let b = a + 1; b <= a + 3 && b < nums.length && nums[b].i - nums[a].i < 200; b++) {
      // Numbers of two different points ("…, 33.88], [-118.34, …") are not a pair, nor are numbers
      // of two CSV records (a record starts at the beginning of a line; indented JSON does not).
      if (/[\]}]|\n[A-Za-z0-9]/.test(text.slice(nums[a].i, nums[b].i))) break;
      for (const [lat, lon] of [
        [nums[a].v, nums[b].v],
        [nums[b].v, nums[a].v],
      ]) {
        if (Math.abs(lat - P.lat) > 0.01 || Math.abs(lon - P.lon) > 0.01) continue;
        if (disclosed.has(`${lat.toFixed(4)},${lon.toFixed(4)}`)) continue;
        const d = distanceM(lat, lon, P.lat, P.lon);
        if (d < rules.leakRadiusMeters)
          out.push(`${where}: coordinate ${lat}, ${lon} is ${Math.round(d)} m from the sensitive point`);
      }
    }
  }
  for (const m of text.matchAll(/\b8[0-9a-f]{14}\b/g)) {
    if (!isValidCell(m[0])) continue;
    const [lat, lon] = cellToLatLng(m[0]);
    const d = distanceM(lat, lon, P.lat, P.lon);
    if (getResolution(m[0]) > rules.h3Resolution && d < 1000)
      out.push(`${where}: H3 cell ${m[0]} finer than resolution 8 near the sensitive point`);
    if (d < rules.leakRadiusMeters)
      out.push(`${where}: H3 cell ${m[0]} centred ${Math.round(d)} m from the sensitive point`);
  }
  return [...new Set(out)];
}

/** Pairs of numbers that read as a coordinate (see findPointLeaks), with where they stand. */
function coordinatePairs(text: string): { lat: number; lon: number }[] {
  const nums = [...text.matchAll(NUM)].map((m) => ({ v: Number(m[0]), i: m.index }));
  const out: { lat: number; lon: number }[] = [];
  for (let a = 0; a < nums.length; a++) {
    for (let b = a + 1; b <= a + 3 && b < nums.length && nums[b].i - nums[a].i < 200; b++) {
      if (/[\]}]|\n[A-Za-z0-9]/.test(text.slice(nums[a].i, nums[b].i))) break;
      out.push({ lat: nums[a].v, lon: nums[b].v }, { lat: nums[b].v, lon: nums[a].v });
    }
  }
  return out;
}

/**
 * Public geometry that is not about any site: the area outlines and the drone docks the city
 * config publishes. A vertex of a neighborhood boundary may happen to lie near a site.
 */
function publicGeometry(sites: readonly SensitiveSite[]): Site[] {
  const c = city();
  const pts: Site[] = c.docks.map((d) => ({ lat: d.lat, lon: d.lon }));
  const walk = (x: unknown): void => {
    if (Array.isArray(x) && x.length >= 2 && typeof x[0] === "number" && typeof x[1] === "number")
      pts.push({ lon: x[0], lat: x[1] });
    else if (Array.isArray(x)) x.forEach(walk);
  };
  for (const a of c.areas) walk(a.geometry.coordinates);
  return pts.filter((p) => siteNear(p.lat, p.lon, sites, rules.sensitiveSiteBufferM + 100));
}

const decodeEntities = (t: string) =>
  t
    .replace(/&#x27;|&#39;|&apos;|&#x2019;|&rsquo;/gi, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

/**
 * Sensitive sites (city config): a site's name anywhere (ignoring case and punctuation), a
 * coordinate within its radius plus the buffer, or an H3 cell of resolution 8 or finer at it.
 */
export function findSiteLeaks(
  text: string,
  where: string,
  sites: readonly SensitiveSite[] = city().sensitiveSites,
): string[] {
  const out: string[] = [];
  const flat = ` ${normalizeName(decodeEntities(text))} `;
  for (const s of sites)
    if (flat.includes(` ${normalizeName(s.name)} `)) out.push(`${where}: sensitive site name "${s.name}"`);
  const exempt = publicGeometry(sites);
  for (const p of coordinatePairs(text)) {
    const site = siteNear(p.lat, p.lon, sites);
    if (!site) continue;
    if (exempt.some((e) => distanceM(e.lat, e.lon, p.lat, p.lon) < 2)) continue;
    out.push(
      `${where}: coordinate ${p.lat}, ${p.lon} is ${Math.round(distanceM(p.lat, p.lon, site.lat, site.lon))} m from a sensitive site`,
    );
  }
  for (const m of text.matchAll(/\b8[0-9a-f]{14}\b/g)) {
    if (isValidCell(m[0]) && cellTouchesSite(m[0], sites))
      out.push(`${where}: H3 cell ${m[0]} (resolution ${getResolution(m[0])}) at a sensitive site`);
  }
  return [...new Set(out)];
}
