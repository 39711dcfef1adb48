import "server-only";
// Leak-test canaries: known values planted in the RAW tables (names, case numbers, a free-text
// note, the exact point of a sensitive call). After publishing, none of them may appear on any
// public page, API response or export. Used by tests and by `daylight setup` when
// DAYLIGHT_E2E_CANARIES=1 (the e2e server), never in a real deployment.
import { eq } from "drizzle-orm";
import { city } from "../../lib/config/city";
import type { DbOrTx } from "../../db/client";
import {
  agencies,
  alprSearches,
  areas,
  callCategories,
  cameraAccessEvents,
  cameras,
  csoActivities,
  droneDocks,
  droneFlights,
  personnel,
} from "../../db/schema";
import { CANARY } from "../../lib/publish/canary-values";

export { CANARY };

const DAY = 86400_000;

/**
 * Plants the canaries. Events are placed `daysAgo` before `now`, past every publication delay,
 * so they are published (in generalized form) by the next run.
 */
export async function plantCanaries(db: DbOrTx, opts: { now?: Date; daysAgo?: number } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const t0 = new Date(now.getTime() - (opts.daysAgo ?? 10) * DAY);
  const p = CANARY.sensitivePoint;
  const agency = await firstOr(db.select({ id: agencies.id }).from(agencies).limit(1), () =>
    db
      .insert(agencies)
      .values({ name: "Canary Test Agency", nameKey: "canary test agency", kind: "city" })
      .returning({ id: agencies.id }),
  );
  const [pilot] = await db
    .insert(personnel)
    .values({
      displayName: CANARY.pilotName,
      nameKey: CANARY.pilotName.toLowerCase(),
      agencyId: agency.id,
      role: "drone_pilot",
      badgeNumber: CANARY.badgeNumber,
    })
    .returning({ id: personnel.id });
  const [deputy] = await db
    .insert(personnel)
    .values({
      displayName: CANARY.deputyName,
      nameKey: CANARY.deputyName.toLowerCase(),
      agencyId: agency.id,
      role: "patrol_deputy",
      badgeNumber: `${CANARY.badgeNumber}-D`,
    })
    .returning({ id: personnel.id });
  const sensitiveCat = await firstOr(
    db.select({ code: callCategories.code }).from(callCategories).where(eq(callCategories.sensitive, true)).limit(1),
    () =>
      db
        .insert(callCategories)
        .values({ code: "domestic_violence", label: "Domestic violence", sensitive: true, grouping: "sensitive" })
        .returning({ code: callCategories.code }),
  );
  const normalCat = await firstOr(
    db.select({ code: callCategories.code }).from(callCategories).where(eq(callCategories.sensitive, false)).limit(1),
    () =>
      db
        .insert(callCategories)
        .values({ code: "disturbance", label: "Disturbance", sensitive: false, grouping: "quality_of_life" })
        .returning({ code: callCategories.code }),
  );
  const dock = (
    await db.select({ id: droneDocks.id, lat: droneDocks.lat, lon: droneDocks.lon }).from(droneDocks).limit(1)
  )[0];
  const area = (await db.select({ id: areas.id }).from(areas).limit(1))[0];
  const from = dock ? ([dock.lon, dock.lat] as [number, number]) : ([-118.3428, 33.8846] as [number, number]);
  const path = {
    type: "LineString" as const,
    coordinates: [
      from,
      [(from[0] + p.lon) / 2, (from[1] + p.lat) / 2],
      [p.lon, p.lat],
      [p.lon + 0.0002, p.lat],
      [p.lon, p.lat],
      from,
    ] as [number, number][],
  };
  const flight = (ext: string, category: string, sensitive: boolean, offsetMin: number) => ({
    source: "canary",
    externalId: ext,
    callNumber: CANARY.callNumber,
    callTypeRaw: `${CANARY.caseNumber} ${CANARY.note}`,
    category,
    sensitive,
    dispatchedAt: new Date(t0.getTime() + offsetMin * 60_000),
    launchedAt: new Date(t0.getTime() + offsetMin * 60_000 + 40_000),
    onSceneAt: new Date(t0.getTime() + offsetMin * 60_000 + 160_000),
    landedAt: new Date(t0.getTime() + offsetMin * 60_000 + 1_200_000),
    dockId: dock?.id ?? null,
    pilotId: pilot.id,
    path,
    destLat: p.lat,
    destLon: p.lon,
    areaId: area?.id ?? null,
    outcome: "patrol_dispatched" as const,
    firstOnScene: true,
    description: `${CANARY.note} ${CANARY.pilotName} ${CANARY.caseNumber}`,
  });
  await db
    .insert(droneFlights)
    .values([
      flight("CANARY-SENSITIVE-1", sensitiveCat.code, true, 0),
      flight("CANARY-NORMAL-1", normalCat.code, false, 300),
    ]);
  await db.insert(csoActivities).values({
    source: "canary",
    externalId: "CANARY-CSO-1",
    callNumber: CANARY.callNumber,
    callTypeRaw: CANARY.note,
    category: sensitiveCat.code,
    callSource: "911",
    receivedAt: t0,
    onSceneAt: new Date(t0.getTime() + 600_000),
    clearedAt: new Date(t0.getTime() + 3_600_000),
    areaId: area?.id ?? null,
    lat: p.lat,
    lon: p.lon,
    officerId: deputy.id,
    outcome: "report_taken",
    narrative: `${CANARY.note} ${CANARY.deputyName} ${CANARY.caseNumber}`,
  });
  const cam = (await db.select({ id: cameras.id }).from(cameras).limit(1))[0];
  if (cam) {
    await db.insert(cameraAccessEvents).values({
      source: "canary",
      externalId: "CANARY-ACCESS-1",
      personnelId: deputy.id,
      agencyId: agency.id,
      userRole: "patrol_deputy",
      cameraId: cam.id,
      operation: "playback",
      startedAt: t0,
      endedAt: new Date(t0.getTime() + 300_000),
      reasonCode: "investigation",
      reasonText: `${CANARY.note} ${CANARY.deputyName}`,
      caseNumber: CANARY.caseNumber,
      clientApp: CANARY.pilotName,
    });
  }
  await plantSiteCanaries(db, {
    t0,
    agencyId: agency.id,
    personId: deputy.id,
    normalCategory: normalCat.code,
    areaId: area?.id ?? null,
    dock: dock ?? null,
    pilotId: pilot.id,
  });
  await db.insert(alprSearches).values({
    source: "canary",
    externalId: "CANARY-ALPR-1",
    personnelId: deputy.id,
    agencyId: agency.id,
    searchedAt: t0,
    reason: "investigation",
    offenseType: "stolen_vehicle",
    caseNumber: CANARY.caseNumber,
  });
}

/** Metres north (dy) and east (dx) of a point, as [lon, lat]. */
function offsetM(p: { lat: number; lon: number }, dy: number, dx: number): [number, number] {
  return [p.lon + dx / (111_195 * Math.cos((p.lat * Math.PI) / 180)), p.lat + dy / 111_195];
}

/**
 * Sensitive-site canaries (the city config's sites): a city camera named after a site, standing
 * far from it; a camera inside a site's radius; a busy block of ordinary CSO calls at a site (busy
 * enough for a resolution-8 cell anywhere else); and an ordinary flight whose path crosses a site.
 * None of the sites' names, nor any point or fine cell near them, may be published.
 */
async function plantSiteCanaries(
  db: DbOrTx,
  o: {
    t0: Date;
    agencyId: number;
    personId: number;
    pilotId: number;
    normalCategory: string;
    areaId: number | null;
    dock: { id: number; lat: number; lon: number } | null;
  },
): Promise<void> {
  const sites = city().sensitiveSites;
  if (sites.length === 0) return;
  const at = (i: number) => sites[i % sites.length];
  const far = offsetM(at(0), -2500, -2500);
  const inside = offsetM(at(sites.length > 2 ? 2 : 0), 30, 15);
  const cams = await db
    .insert(cameras)
    .values([
      {
        name: `Lobby camera, ${at(0).name}`,
        nameKey: `lobby camera, ${at(0).name}`.toLowerCase(),
        kind: "fixed" as const,
        owner: "city" as const,
        siteName: "Canal St & 40th St",
        lon: far[0],
        lat: far[1],
        areaId: o.areaId,
      },
      {
        name: "Orchard Ln & 12th St",
        nameKey: "orchard ln & 12th st (site canary)",
        kind: "ptz" as const,
        owner: "city" as const,
        siteName: "Orchard Ln & 12th St",
        lon: inside[0],
        lat: inside[1],
        areaId: o.areaId,
      },
    ])
    .returning({ id: cameras.id });
  await db.insert(cameraAccessEvents).values(
    cams.flatMap((c, k) =>
      [0, 1, 2].map((i) => ({
        source: "canary",
        externalId: `CANARY-SITE-ACCESS-${k}-${i}`,
        personnelId: o.personId,
        agencyId: o.agencyId,
        userRole: "watch_center_operator",
        cameraId: c.id,
        operation: "live_view" as const,
        startedAt: new Date(o.t0.getTime() + (k * 3 + i) * 3_600_000),
        endedAt: new Date(o.t0.getTime() + (k * 3 + i) * 3_600_000 + 600_000),
        reasonCode: "patrol_support" as const,
      })),
    ),
  );
  const block = at(1);
  await db.insert(csoActivities).values(
    Array.from({ length: 14 }, (_, i) => {
      const [lon, lat] = offsetM(block, 20 + i, -10);
      const t = new Date(o.t0.getTime() - i * 3_600_000);
      return {
        source: "canary",
        externalId: `CANARY-SITE-CSO-${i}`,
        callTypeRaw: "parking",
        category: o.normalCategory,
        callSource: "311" as const,
        receivedAt: t,
        onSceneAt: new Date(t.getTime() + 600_000),
        clearedAt: new Date(t.getTime() + 1_800_000),
        areaId: o.areaId,
        lat,
        lon,
        outcome: "resolved" as const,
      };
    }),
  );
  // Out from the dock, straight through a site, on for 2 km, and back.
  const crossed = at(3);
  const from: [number, number] = o.dock ? [o.dock.lon, o.dock.lat] : offsetM(crossed, -2000, 0);
  const beyond = offsetM(crossed, 2000, 0);
  const line = Array.from({ length: 41 }, (_, i): [number, number] => {
    const f = i / 40;
    const x = from[0] + (beyond[0] - from[0]) * f;
    const y = from[1] + (beyond[1] - from[1]) * f;
    return i % 2 ? [x + 0.0002, y] : [x, y];
  });
  // The straight line may miss the site: pass exactly over it on the way.
  line.splice(20, 0, [crossed.lon, crossed.lat], offsetM(crossed, 60, 0));
  await db.insert(droneFlights).values({
    source: "canary",
    externalId: "CANARY-SITE-FLIGHT-1",
    category: o.normalCategory,
    sensitive: false,
    dispatchedAt: o.t0,
    launchedAt: new Date(o.t0.getTime() + 30_000),
    onSceneAt: new Date(o.t0.getTime() + 300_000),
    landedAt: new Date(o.t0.getTime() + 1_500_000),
    dockId: o.dock?.id ?? null,
    pilotId: o.pilotId,
    path: { type: "LineString" as const, coordinates: [...line, ...[...line].reverse()] },
    destLat: beyond[1],
    destLon: beyond[0],
    areaId: o.areaId,
    outcome: "cleared_no_patrol" as const,
    firstOnScene: true,
  });
}

async function firstOr<T>(found: Promise<T[]>, create: () => Promise<T[]>): Promise<T> {
  const [row] = await found;
  if (row) return row;
  const [made] = await create();
  return made;
}
