import "server-only";
// Plate readers: daily detection and hotlist-hit counts per reader, ~2,000 searches a year, and
// the data-sharing agreements behind them.
import type { DbOrTx } from "../../db/client";
import { sharingAgreements, type alprDailyCounts, type alprSearches } from "../../db/schema";
import { ACCESS_HOUR_WEIGHTS, addDays, at, minuteOfDay, type SeedDay } from "./calendar";
import type { SeedCamera } from "./cameras";
import type { SeedRef } from "./reference";
import { createRng } from "./rng";

export const SEARCHES_PER_DAY = 5.5;
const OFFENSES: [string, string, number][] = [
  ["vehicle theft", "Stolen vehicle investigation", 30],
  ["burglary", "Suspect vehicle seen leaving burglary", 18],
  ["robbery", "Getaway vehicle from robbery", 10],
  ["hit and run", "Hit-and-run suspect vehicle", 12],
  ["assault", "Vehicle linked to assault suspect", 8],
  ["missing person", "Missing person's vehicle", 6],
  ["homicide", "Homicide investigation lead", 2],
  ["fraud", "Vehicle used in check fraud", 5],
  ["narcotics", "Narcotics sales vehicle", 5],
];
const NETWORKS = [
  "Lakemont",
  "Harbor City PD",
  "Bayside PD",
  "County Sheriff",
  "State Highway Patrol",
  "PlateWatch shared network",
];

export function* generateDailyCounts(
  readers: SeedCamera[],
  days: SeedDay[],
  seed: number,
): Generator<typeof alprDailyCounts.$inferInsert> {
  const rng = createRng(seed, "alpr-daily");
  const base = readers.map(() => rng.float(1800, 5200));
  for (const day of days) {
    const f = day.weekday === 0 ? 0.78 : day.weekday === 6 ? 0.88 : 1.04;
    for (const [i, r] of readers.entries()) {
      const detections = Math.max(0, Math.round(rng.normal(base[i] * f, base[i] * 0.08)));
      yield {
        cameraId: r.id,
        day: day.iso,
        detections,
        hotlistHits: Math.min(detections, rng.poisson(detections / 1400)),
      };
    }
  }
}

/** Every reason the generated searches give, for their categories up front. */
export const SEARCH_REASONS = ["investigation", ...OFFENSES.map(([, r]) => r)];

/** categories: each reason's category (searchCategoriesFor), so the rows need no update afterwards. */
export function* generateSearches(
  ref: SeedRef,
  days: SeedDay[],
  seed: number,
  scale: number,
  categories: Map<string, string> = new Map(),
): Generator<typeof alprSearches.$inferInsert> {
  const rng = createRng(seed, "alpr-searches");
  const searchers = ref.cameraUsers.filter(
    (u) =>
      u.role === "detective" || u.role === "analyst" || u.role === "watch_center_operator" || u.role === "supervisor",
  );
  const mix = searchers.map((u) => [u, u.role === "detective" ? 3 : u.role === "analyst" ? 2 : 1] as const);
  let serial = 0;
  for (const day of days) {
    const n = rng.poisson(SEARCHES_PER_DAY * scale * (day.weekday === 0 || day.weekday === 6 ? 0.5 : 1.2));
    for (let k = 0; k < n; k++) {
      const user = rng.weighted(mix);
      const [offense, reason] = rng.weighted(OFFENSES.map(([o, r, w]) => [[o, r] as const, w] as const));
      const networkCount = rng.chance(0.55) ? 1 : rng.int(2, NETWORKS.length);
      const noReason = rng.chance(0.03);
      yield {
        source: "seed",
        externalId: `AS-${String(++serial).padStart(7, "0")}`,
        personnelId: user.id,
        agencyId: user.agencyId,
        searchedAt: new Date(at(day, minuteOfDay(rng, ACCESS_HOUR_WEIGHTS), rng.int(0, 59))),
        reason: noReason ? "investigation" : reason,
        category: categories.get(noReason ? "investigation" : reason) ?? null,
        offenseType: noReason ? null : offense,
        caseNumber: rng.chance(0.97) ? `LKM-${day.iso.slice(2, 4)}-${String(rng.int(1, 9999)).padStart(6, "0")}` : null,
        networkCount,
        networks: NETWORKS.slice(0, networkCount),
      };
    }
  }
}

export async function seedSharing(tx: DbOrTx, ref: SeedRef, pilotStart: string): Promise<number> {
  const a = ref.agencyIds;
  const rows: (typeof sharingAgreements.$inferInsert)[] = [
    {
      agencyId: a.harbor_city_pd,
      program: "plate_readers",
      direction: "both",
      dataShared: "Plate detections and hotlist hits",
      startedOn: pilotStart,
      approvedBy: "City Council, Resolution 2025-41",
    },
    {
      agencyId: a.bayside_pd,
      program: "plate_readers",
      direction: "both",
      dataShared: "Plate detections and hotlist hits",
      startedOn: pilotStart,
      approvedBy: "City Council, Resolution 2025-41",
    },
    {
      agencyId: a.highway_patrol,
      program: "plate_readers",
      direction: "inbound",
      dataShared: "State stolen-vehicle hotlist",
      startedOn: pilotStart,
      approvedBy: "Sheriff's Station captain",
    },
    {
      agencyId: a.fusion_center,
      program: "plate_readers",
      direction: "outbound",
      dataShared: "Hotlist hits only, on request with case number",
      startedOn: pilotStart,
      endedOn: addDays(pilotStart, 120),
      approvedBy: "City Manager",
    },
    {
      agencyId: a.plate_network,
      program: "plate_readers",
      direction: "inbound",
      dataShared: "Shared-network search access",
      startedOn: pilotStart,
      approvedBy: "City Council, Resolution 2025-41",
    },
    {
      agencyId: a.county_da,
      program: "fixed_cameras",
      direction: "outbound",
      dataShared: "Exported video for prosecution",
      startedOn: pilotStart,
      approvedBy: "Sheriff's Station captain",
    },
    {
      agencyId: a.harbor_city_pd,
      program: "fixed_cameras",
      direction: "outbound",
      dataShared: "Video clips on request with case number",
      startedOn: addDays(pilotStart, 60),
      approvedBy: "City Manager",
    },
    {
      agencyId: a.county_da,
      program: "drones",
      direction: "outbound",
      dataShared: "Retained flight video for prosecution",
      startedOn: pilotStart,
      approvedBy: "Sheriff's Station captain",
    },
    {
      agencyId: a.sunridge_security,
      program: "watch_center",
      direction: "inbound",
      dataShared: "Live view of private storefront cameras",
      startedOn: pilotStart,
      approvedBy: "Private camera integration agreement",
    },
    {
      agencyId: a.harbor_market,
      program: "watch_center",
      direction: "inbound",
      dataShared: "Live view of private storefront cameras",
      startedOn: pilotStart,
      approvedBy: "Private camera integration agreement",
    },
  ];
  await tx.insert(sharingAgreements).values(rows);
  return rows.length;
}
