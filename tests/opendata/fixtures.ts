// Published rows written straight into the published tables, so the open-data tests do not
// depend on seeding and publishing (which other tests cover).
import type { DbOrTx } from "../../db/client";
import { pubFindingCounts, pubFlights } from "../../db/schema/published-drones";

const CATS = [
  ["alarm", "Alarm", false],
  ["burglary", "Burglary", false],
  ["medical", "Medical", true],
  ["traffic_collision", "Traffic collision", false],
] as const;
const AREAS = [
  ["old-town", "Old Town"],
  ["harbor-heights", "Harbor Heights"],
  ["civic-center", "Civic Center"],
] as const;
const OUTCOMES = ["cleared_no_patrol", "patrol_dispatched", "arrest", "no_action", "cancelled", "other"] as const;

/** n flights over ~10 days, several sharing the same hour (ties the keyset must order by id). */
export async function insertFlights(db: DbOrTx, n: number): Promise<void> {
  const rows: (typeof pubFlights.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    const [category, categoryLabel, sensitive] = CATS[i % CATS.length];
    const [areaSlug, areaName] = AREAS[i % AREAS.length];
    const hourIndex = Math.floor(i / 3); // three flights per hour
    const startedAt = new Date(Date.UTC(2026, 2, 1, 8) + hourIndex * 5 * 3600_000);
    const localDate = new Date(startedAt.getTime() - 8 * 3600_000).toISOString().slice(0, 10);
    rows.push({
      publicId: `f-${((i * 7919) % 100000).toString(36).padStart(5, "0")}`,
      startedAt,
      timePrecision: sensitive ? "day" : "hour",
      localDate,
      weekStart: localDate,
      localHour: sensitive ? null : (startedAt.getUTCHours() + 16) % 24,
      category,
      categoryLabel,
      sensitive,
      areaSlug: sensitive ? null : areaSlug,
      areaName: sensitive ? null : areaName,
      h3Cell: sensitive ? "8729a5653ffffff" : "8829a56535fffff",
      h3Res: sensitive ? 7 : 8,
      dockSlug: "dock-marina",
      dockName: "Marina Fire Station Dock",
      dockSite: "Fire Station 2 roof, Marina Way & Pier Rd",
      durationMin: 10 + (i % 30),
      timeToSceneMin: sensitive ? null : 1 + (i % 7) / 2,
      outcome: sensitive ? null : OUTCOMES[i % OUTCOMES.length],
      firstOnScene: i % 4 !== 0,
      linkedToCall: i % 10 !== 0,
      path:
        sensitive || i % 5 === 0
          ? null
          : {
              type: "LineString",
              coordinates: [
                [-122.27, 37.8],
                [-122.26, 37.81],
              ],
            },
    });
  }
  await db.insert(pubFlights).values(rows);
  // The publisher's "data as of" record, which the flight log uses for its unfiltered total.
  const { pubDatasets } = await import("../../db/schema/published");
  const now = new Date();
  await db
    .insert(pubDatasets)
    .values({
      dataset: "drones",
      runId: 1,
      publishedAt: now,
      asOf: now,
      cutoff: now,
      delayHours: 24,
      rulesVersion: "test",
      rows: n,
    })
    .onConflictDoUpdate({ target: pubDatasets.dataset, set: { rows: n } });
}

export async function insertFindingCounts(db: DbOrTx): Promise<void> {
  await db.insert(pubFindingCounts).values([
    { findingType: "flight_without_call", status: "open", count: 14, suppressed: false },
    { findingType: "flight_without_call", status: "closed", count: null, suppressed: true },
    { findingType: "flight_without_call", status: "*", count: null, suppressed: true },
    { findingType: "access_without_case", status: "open", count: 0, suppressed: false },
    { findingType: "access_without_case", status: "closed", count: 25, suppressed: false },
    { findingType: "access_without_case", status: "*", count: 25, suppressed: false },
    { findingType: "*", status: "*", count: null, suppressed: true },
  ]);
}

export async function insertCameraData(db: DbOrTx, accesses = 60): Promise<void> {
  const { pubAlprSearches, pubCameraAccesses, pubCameras, pubPrivateCameraCounts } =
    await import("../../db/schema/published-cameras");
  await db.insert(pubCameras).values([
    {
      publicId: "c-aaa",
      name: "Main & 1st",
      kind: "fixed",
      owner: "city",
      network: "police",
      siteName: "Main St & 1st Ave",
      lat: 37.8012,
      lon: -122.2711,
      areaSlug: "old-town",
      areaName: "Old Town",
      status: "active",
      installedOn: "2025-09-01",
    },
    {
      publicId: "c-bbb",
      name: "Harbor ALPR",
      kind: "plate_reader",
      owner: "city",
      network: "police",
      siteName: "Harbor Rd, eastbound",
      lat: 37.81,
      lon: -122.26,
      areaSlug: "harbor-heights",
      areaName: "Harbor Heights",
      status: "active",
      installedOn: null,
      retentionDays: 30,
    },
    {
      publicId: "c-ccc",
      name: "Transit hub",
      kind: "ptz",
      owner: "other_agency",
      ownerAgency: "County Transit",
      network: "transportation",
      siteName: "Transit Center",
      lat: 37.79,
      lon: -122.28,
      areaSlug: "civic-center",
      areaName: "Civic Center",
      status: "inactive",
      installedOn: "2024-01-15",
    },
  ]);
  await db.insert(pubPrivateCameraCounts).values([
    { areaSlug: "old-town", areaName: "Old Town", count: 12, suppressed: false },
    { areaSlug: "harbor-heights", areaName: "Harbor Heights", count: null, suppressed: true },
    { areaSlug: "civic-center", areaName: "Civic Center", count: null, suppressed: true },
    { areaSlug: "*", areaName: "All areas", count: 27, suppressed: false },
  ]);
  const ops = ["live_view", "playback", "export", "share"] as const;
  const reasons = ["investigation", "incident_response", "traffic", "other"] as const;
  await db.insert(pubCameraAccesses).values(
    Array.from({ length: accesses }, (_, i) => {
      const hour = new Date(Date.UTC(2026, 4, 1, 10) + Math.floor(i / 2) * 7 * 3600_000);
      return {
        publicId: `a-${((i * 104729) % 1000003).toString(36)}`,
        hour,
        localDate: new Date(hour.getTime() - 7 * 3600_000).toISOString().slice(0, 10),
        weekStart: "2026-05-04",
        cameraPublicId: i % 7 === 0 ? null : ["c-aaa", "c-bbb", "c-ccc"][i % 3],
        place:
          i % 7 === 0
            ? "private camera, Old Town"
            : ["Main St & 1st Ave", "Harbor Rd, eastbound", "Transit Center"][i % 3],
        ownerClass: i % 7 === 0 ? ("private" as const) : ("city" as const),
        areaSlug: "old-town",
        user: `user-${(i % 5).toString(16).padStart(6, "a")}`,
        userRole: "watch_center_operator",
        agency: i % 4 === 0 ? "Neighboring PD" : "Sheriff's Station",
        operation: ops[i % ops.length],
        reason: reasons[i % reasons.length],
        linkedToCase: i % 6 !== 0,
        sharedWith: ops[i % ops.length] === "share" ? "County DA" : null,
      };
    }),
  );
  await db.insert(pubAlprSearches).values(
    Array.from({ length: 25 }, (_, i) => {
      const hour = new Date(Date.UTC(2026, 4, 2, 9) + i * 11 * 3600_000);
      return {
        publicId: `s-${(i * 7907).toString(36)}`,
        hour,
        localDate: new Date(hour.getTime() - 7 * 3600_000).toISOString().slice(0, 10),
        weekStart: "2026-05-04",
        user: `user-${(i % 3).toString(16).padStart(6, "b")}`,
        userRole: "detective",
        agency: "Sheriff's Station",
        reason: i % 2 ? "stolen_vehicle" : "investigation",
        offenseType: i % 3 ? "vehicle_theft" : "robbery",
        linkedToCase: i % 5 !== 0,
        networkCount: 1 + (i % 3),
        networks: ["city", "county", "state"].slice(0, 1 + (i % 3)),
      };
    }),
  );
}

export async function insertCsoCalls(db: DbOrTx, n = 40): Promise<void> {
  const { pubCsoCalls } = await import("../../db/schema/published-cso");
  const sources = ["911", "311", "self_initiated"] as const;
  const outcomes = ["resolved", "referred", "report_taken", "transferred_to_sworn", "no_contact", "cancelled"] as const;
  await db.insert(pubCsoCalls).values(
    Array.from({ length: n }, (_, i) => {
      const sensitive = i % 8 === 0;
      const receivedAt = new Date(Date.UTC(2026, 5, 1, 9) + Math.floor(i / 2) * 9 * 3600_000);
      return {
        publicId: `k-${(i * 6007).toString(36)}`,
        receivedAt,
        timePrecision: sensitive ? ("day" as const) : ("hour" as const),
        localDate: new Date(receivedAt.getTime() - 7 * 3600_000).toISOString().slice(0, 10),
        weekStart: "2026-06-01",
        localHour: sensitive ? null : (receivedAt.getUTCHours() + 17) % 24,
        category: sensitive ? "welfare_check" : i % 2 ? "noise" : "abandoned_vehicle",
        categoryLabel: sensitive ? "Welfare check" : i % 2 ? "Noise" : "Abandoned vehicle",
        sensitive,
        callSource: sources[i % 3],
        areaSlug: sensitive ? null : "old-town",
        areaName: sensitive ? null : "Old Town",
        h3Cell: "8829a56535fffff",
        h3Res: sensitive ? 7 : 8,
        responseMin: sensitive ? null : 5 + (i % 9),
        clearMin: sensitive ? null : 20 + i,
        outcome: sensitive ? null : outcomes[i % outcomes.length],
        referrals: sensitive ? null : i % 3 === 0 ? ["housing", "mental_health"] : [],
        reportWritten: i % 4 === 0,
        fingerprintsCollected: i % 10 === 0,
        dnaCollected: false,
        swornBackupRequested: i % 12 === 0,
      };
    }),
  );
}
