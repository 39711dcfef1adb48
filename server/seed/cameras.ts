import "server-only";
// 72 cameras: 56 city fixed/PTZ at named intersections and buildings (some on other city networks;
// the pilot promised more than 50), six plate readers, and ten integrated private-business cameras.
import type { DbOrTx } from "../../db/client";
import { cameras } from "../../db/schema";
import type { CityConfig } from "../../lib/config/city";
import { addDays } from "./calendar";
import { areaOf, offset, randomPointIn, round6, type AreaShape, type LonLat } from "./geo";
import { BUILDINGS, BUSINESSES, EW_STREETS, NS_STREETS } from "./names";
import type { SeedRef } from "./reference";
import { createRng, type Rng } from "./rng";

type CameraRow = typeof cameras.$inferInsert;

/** The agreement a camera of each network is connected under (police cameras need none). */
const INTEGRATION_AGREEMENTS: Partial<Record<NonNullable<CameraRow["network"]>, string>> = {
  street_lighting: "Street lighting camera integration MOU with Public Works",
  transportation: "Traffic camera video-sharing agreement with the Transportation Department",
  general_services: "General Services building camera integration MOU",
  private_business: "Private camera registration and integration agreement",
};
/** City-owned fixed and PTZ cameras in the demo (sensitive-site and other-network ones included). */
export const CITY_CAMERAS = 56;
export type SeedCamera = {
  id: number;
  kind: CameraRow["kind"];
  owner: CameraRow["owner"];
  network: NonNullable<CameraRow["network"]>;
  nearSensitive: boolean;
};

function cityBox(areas: AreaShape[]): [number, number, number, number] {
  return areas.reduce<[number, number, number, number]>(
    (b, a) => [
      Math.min(b[0], a.bbox[0]),
      Math.min(b[1], a.bbox[1]),
      Math.max(b[2], a.bbox[2]),
      Math.max(b[3], a.bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** Snaps a point to the nearest street-grid intersection and names it. */
function intersection(p: LonLat, box: [number, number, number, number]): { site: string; point: LonLat } {
  const [w, s, e, n] = box;
  const i = Math.min(NS_STREETS.length - 1, Math.floor(((p[0] - w) / (e - w)) * NS_STREETS.length));
  const j = Math.min(EW_STREETS.length - 1, Math.floor(((p[1] - s) / (n - s)) * EW_STREETS.length));
  const point: LonLat = [w + ((i + 0.5) * (e - w)) / NS_STREETS.length, s + ((j + 0.5) * (n - s)) / EW_STREETS.length];
  return { site: `${NS_STREETS[i]} & ${EW_STREETS[j]}`, point };
}

export async function seedCameras(tx: DbOrTx, c: CityConfig, ref: SeedRef, seed: number): Promise<SeedCamera[]> {
  const rng: Rng = createRng(seed, "cameras");
  // Its own stream, so connecting cameras leaves every other seeded value as it was.
  const link: Rng = createRng(seed, "camera-integration");
  const box = cityBox(ref.areas);
  const used = new Set<string>();
  const rows: (CameraRow & { nearSensitive: boolean })[] = [];
  // Everything is installed in the months before the pilot, so no access predates its camera.
  const installed = () => addDays(c.pilot.start, -rng.int(20, 100));
  const add = (name: string, site: string, p: LonLat, extra: Partial<CameraRow>, nearSensitive = false) => {
    if (used.has(name.toLowerCase())) return false;
    used.add(name.toLowerCase());
    rows.push({
      name,
      nameKey: name.toLowerCase(),
      siteName: site,
      lat: round6(p[1]),
      lon: round6(p[0]),
      areaId: areaOf(p, ref.areas)?.id ?? null,
      kind: "fixed",
      owner: "city",
      network: "police",
      ownerAgencyId: ref.agencyIds.sheriff,
      status: "active",
      installedAt: installed(),
      ...extra,
      nearSensitive,
    });
    const row = rows[rows.length - 1];
    // Police and registered private cameras are connected from the start; the city's other
    // networks are being connected one by one, each under its department's agreement.
    const connected = row.network === "police" || row.owner === "private" || link.chance(0.6);
    if (connected) {
      row.integrated = true;
      row.integratedOn =
        row.network === "police" ? row.installedAt : addDays(row.installedAt ?? c.pilot.start, link.int(10, 200));
      row.integrationAgreement = INTEGRATION_AGREEMENTS[row.network ?? "police"] ?? null;
    }
    return true;
  };
  // City cameras overlooking the entrances of sensitive sites (the review area watches their use).
  for (const site of c.sensitiveSites.slice(0, 3)) {
    const p = offset([site.lon, site.lat], rng.float(-60, 60), rng.float(-60, 60));
    add(`Camera near ${site.name}`, `Street outside ${site.name}`, p, { kind: "ptz" }, true);
  }
  const networks: [CameraRow["network"], number][] = [
    ["street_lighting", 4],
    ["transportation", 4],
    ["general_services", 4],
  ];
  for (const [network, n] of networks) {
    for (let k = 0; k < n;) {
      const x = intersection(randomPointIn(rng, rng.pick(ref.areas)), box);
      if (
        add(`${x.site} (${network!.replace("_", " ")})`, x.site, x.point, {
          network,
          ownerAgencyId: ref.agencyIds.city,
        })
      )
        k++;
    }
  }
  let b = 0;
  while (rows.length < CITY_CAMERAS) {
    if (b < BUILDINGS.length && rng.chance(0.3)) {
      const name = BUILDINGS[b++];
      add(name, name, randomPointIn(rng, rng.pick(ref.areas), 60), { kind: rng.chance(0.3) ? "ptz" : "fixed" });
    } else {
      const x = intersection(randomPointIn(rng, rng.pick(ref.areas)), box);
      add(x.site, x.site, x.point, { kind: rng.chance(0.3) ? "ptz" : "fixed" });
    }
  }
  for (let k = 0; k < 6;) {
    const x = intersection(randomPointIn(rng, rng.pick(ref.areas)), box);
    const dir = rng.pick(["northbound", "southbound", "eastbound", "westbound"]);
    if (
      add(`ALPR ${x.site} ${dir}`, x.site, x.point, {
        kind: "plate_reader",
        retentionDays: 30,
        installedAt: installed(),
      })
    )
      k++;
  }
  for (let k = 0; k < 10; k++) {
    const owner = BUSINESSES[k];
    add(`${owner} camera`, `${owner} storefront`, randomPointIn(rng, rng.pick(ref.areas), 40), {
      owner: "private",
      network: "private_business",
      ownerName: owner,
      ownerAgencyId: null,
      status: k === 9 ? "inactive" : "active",
    });
  }
  const inserted = await tx
    .insert(cameras)
    .values(rows.map(({ nearSensitive: _n, ...r }) => r))
    .returning({ id: cameras.id });
  return rows.map((r, i) => ({
    id: inserted[i].id,
    kind: r.kind,
    owner: r.owner,
    network: r.network ?? "police",
    nearSensitive: r.nearSensitive,
  }));
}
