// Leak-test canaries: known values planted in the RAW tables (names, case numbers, a free-text
// note, the exact point of a sensitive call). After publishing, none of them may appear on any
// public page, API response or export. Used by tests and by `daylight setup` when
// DAYLIGHT_E2E_CANARIES=1 (the e2e server), never in a real deployment.
import { eq } from "drizzle-orm";
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

export const CANARY = {
  pilotName: "Zephyrine Quillfeather",
  deputyName: "Bartholomew Vantablack",
  badgeNumber: "BADGE-CANARY-0090",
  caseNumber: "CASE-CANARY-7731",
  callNumber: "CFS-CANARY-4402",
  note: "canary note behind the blue laundromat door",
  /**
   * The exact scene of a sensitive (domestic violence) call: nothing may be published within 150 m.
   * Chosen at least 190 m from every public geometry of the demo city (area outlines, docks,
   * sensitive sites, the camera street grid, H3 res-7/8 centres and vertices, and every path the
   * demo data publishes), so a coordinate within 150 m can only have come from this call.
   * Another city's data needs its own point.
   */
  sensitivePoint: { lat: 33.8816, lon: -118.3623 },
} as const;

/** Every string a public page must not contain. */
export const CANARY_STRINGS: string[] = [
  CANARY.pilotName,
  CANARY.deputyName,
  CANARY.badgeNumber,
  CANARY.caseNumber,
  CANARY.callNumber,
  CANARY.note,
  "Quillfeather",
  "Vantablack",
  "CANARY",
];

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

async function firstOr<T>(found: Promise<T[]>, create: () => Promise<T[]>): Promise<T> {
  const [row] = await found;
  if (row) return row;
  const [made] = await create();
  return made;
}
