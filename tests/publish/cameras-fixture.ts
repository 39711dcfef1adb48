// Raw camera, access and plate-reader records for the camera/ALPR publisher tests, with canaries
// (names, badge, case numbers, free text, a private camera's owner) that must never be published.
import type { DbOrTx } from "../../db/client";
import {
  agencies,
  alprDailyCounts,
  alprSearches,
  areas,
  cameraAccessEvents,
  cameras,
  personnel,
  sharingAgreements,
} from "../../db/schema";
import { city } from "../../lib/config/city";

/** The pilot's first morning (the demo city's pilot start is relative to today). */
export const PILOT_START = new Date(`${city().pilot.start}T08:00:00Z`);
export const CAM_NOW = new Date(PILOT_START.getTime() + 105 * 86400_000 + 12 * 3600_000);
export const SECRETS = [
  "Ophelia Canaryworth",
  "BADGE-77123",
  "CASE-SECRET-4410",
  "watched the blue door on Elm",
  "Rosalind's Bakery",
  "Rosalind",
];
const DAY = 86400_000;

const square = (lon: number, lat: number, d: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

/** A tiny deterministic generator (tests must not depend on Math.random). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export async function seedCameraFixture(db: DbOrTx, accesses = 900) {
  const [north, south] = await db
    .insert(areas)
    .values([
      { slug: "north", name: "North", population: 1000, boundary: square(-118.36, 33.89, 0.01) },
      { slug: "south", name: "South", population: 1000, boundary: square(-118.36, 33.88, 0.01) },
    ])
    .returning();
  const [sheriff, harbor, fusion] = await db
    .insert(agencies)
    .values([
      { name: "Lakemont Sheriff's Station", nameKey: "lakemont sheriff's station", kind: "county" },
      { name: "Harbor City PD", nameKey: "harbor city pd", kind: "city" },
      { name: "Regional Fusion Center", nameKey: "regional fusion center", kind: "state" },
    ])
    .returning();
  const people = await db
    .insert(personnel)
    .values(
      Array.from({ length: 14 }, (_, i) => ({
        displayName: i === 0 ? SECRETS[0] : `Person ${i}`,
        nameKey: `person ${i}`,
        agencyId: i < 10 ? sheriff.id : harbor.id,
        role: i % 3 === 0 ? ("watch_center_operator" as const) : ("detective" as const),
        badgeNumber: i === 0 ? SECRETS[1] : null,
      })),
    )
    .returning();
  const cams = await db
    .insert(cameras)
    .values([
      {
        name: "Main St & 1st Ave",
        nameKey: "main-1st",
        kind: "fixed",
        owner: "city",
        ownerAgencyId: sheriff.id,
        siteName: "Main St & 1st Ave",
        lat: 33.895123,
        lon: -118.355321,
        areaId: north.id,
      },
      {
        name: "City Hall plaza",
        nameKey: "city-hall",
        kind: "ptz",
        owner: "city",
        ownerAgencyId: sheriff.id,
        siteName: "City Hall",
        lat: 33.885,
        lon: -118.355,
        areaId: south.id,
      },
      {
        name: "Harbor Blvd (transportation)",
        nameKey: "harbor",
        kind: "fixed",
        owner: "other_agency",
        ownerAgencyId: harbor.id,
        network: "transportation",
        siteName: "Harbor Blvd & 3rd",
        lat: 33.886,
        lon: -118.352,
        areaId: south.id,
      },
      {
        name: `${SECRETS[4]} camera`,
        nameKey: "private-1",
        kind: "fixed",
        owner: "private",
        ownerName: SECRETS[4],
        network: "private_business",
        siteName: `${SECRETS[4]} storefront`,
        lat: 33.8951,
        lon: -118.3571,
        areaId: north.id,
      },
      {
        name: "Private 2",
        nameKey: "private-2",
        kind: "fixed",
        owner: "private",
        ownerName: "Shop Two",
        network: "private_business",
        siteName: "Shop Two",
        lat: 33.8952,
        lon: -118.3572,
        areaId: north.id,
      },
      {
        name: "ALPR Main northbound",
        nameKey: "alpr-1",
        kind: "plate_reader",
        owner: "city",
        ownerAgencyId: sheriff.id,
        siteName: "Main St & 1st Ave",
        lat: 33.8951,
        lon: -118.3553,
        areaId: north.id,
        retentionDays: 30,
      },
    ])
    .returning();
  const r = rng(42);
  const ops = ["live_view", "playback", "export", "share"] as const;
  const reasons = ["investigation", "incident_response", "patrol_support", "training"] as const;
  const start = PILOT_START.getTime() + 86400_000;
  const span = CAM_NOW.getTime() - start;
  const events = Array.from({ length: accesses }, (_, i) => {
    // User 1 does a third of all viewing; the rest is spread over 13 people.
    const user = r() < 0.33 ? people[1] : people[Math.floor(r() * people.length)];
    const t = start + Math.floor(r() * span);
    const cam = cams[Math.floor(r() * 5)];
    const op = ops[Math.floor(r() ** 2 * 4)];
    return {
      source: "test",
      externalId: `A-${i}`,
      personnelId: user.id,
      agencyId: user.agencyId,
      userRole: i === 5 ? "Senior Analyst II" : user.role,
      cameraId: cam.id,
      operation: op,
      startedAt: new Date(t),
      endedAt: new Date(t + 120_000 + Math.floor(r() * 600_000)),
      reasonCode: reasons[Math.floor(r() * reasons.length)],
      reasonText: SECRETS[3],
      caseNumber: r() < 0.8 ? SECRETS[2] : null,
      clientApp: SECRETS[0],
      sharedWithAgencyId: op === "share" ? fusion.id : null,
    };
  });
  // Two accesses well inside the 7-day delay: never published yet.
  events.push({
    ...events[0],
    externalId: "RECENT-1",
    startedAt: new Date(CAM_NOW.getTime() - 2 * DAY),
    endedAt: new Date(CAM_NOW.getTime() - 2 * DAY + 60_000),
  });
  events.push({
    ...events[0],
    externalId: "RECENT-2",
    startedAt: new Date(CAM_NOW.getTime() - 7 * DAY + 3600_000),
    endedAt: new Date(CAM_NOW.getTime() - 7 * DAY + 3700_000),
  });
  await db.insert(cameraAccessEvents).values(events);

  const searchReasons = [
    "Stolen vehicle investigation",
    "Suspect vehicle seen leaving burglary",
    "Missing person's vehicle",
    SECRETS[3],
    "hotlist hit follow up",
  ];
  const offenses = ["vehicle theft", "burglary", "missing person", null, "Jaywalking near the old mill"];
  await db.insert(alprSearches).values(
    Array.from({ length: 300 }, (_, i) => {
      const user = people[Math.floor(r() * 10)];
      return {
        source: "test",
        externalId: `S-${i}`,
        personnelId: user.id,
        agencyId: user.agencyId,
        searchedAt: new Date(start + Math.floor(r() * (span - 8 * DAY))),
        reason: searchReasons[i % searchReasons.length],
        offenseType: offenses[i % offenses.length],
        caseNumber: i % 4 === 0 ? null : SECRETS[2],
        networkCount: 2,
        networks: ["Lakemont", "Harbor City PD"],
      };
    }),
  );
  const days = Array.from({ length: 60 }, (_, i) =>
    new Date(CAM_NOW.getTime() - (i + 1) * DAY).toISOString().slice(0, 10),
  );
  await db
    .insert(alprDailyCounts)
    .values(days.map((day) => ({ cameraId: cams[5].id, day, detections: 2000, hotlistHits: 2 })));
  await db.insert(sharingAgreements).values([
    {
      agencyId: harbor.id,
      program: "plate_readers",
      direction: "both",
      dataShared: "Plate detections and hotlist hits",
      startedOn: city().pilot.start,
      approvedBy: SECRETS[0],
    },
    {
      agencyId: fusion.id,
      program: "fixed_cameras",
      direction: "outbound",
      dataShared: "Exported video on request",
      startedOn: city().pilot.start,
      endedOn: days[0],
    },
  ]);
  return { people, cams, events };
}
