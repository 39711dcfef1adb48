// Published rows written straight into the published tables, so the open-data tests do not
// depend on seeding and publishing (which other tests cover).
import type { DbOrTx } from "../../db/client";
import { pubFindingCounts, pubFlights } from "../../db/schema/published-drones";

const CATS = [["alarm", "Alarm", false], ["burglary", "Burglary", false], ["medical", "Medical", true], ["traffic_collision", "Traffic collision", false]] as const;
const AREAS = [["old-town", "Old Town"], ["harbor-heights", "Harbor Heights"], ["civic-center", "Civic Center"]] as const;
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
      publicId: `f-${(i * 7919 % 100000).toString(36).padStart(5, "0")}`,
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
      path: sensitive || i % 5 === 0 ? null : { type: "LineString", coordinates: [[-122.27, 37.8], [-122.26, 37.81]] },
    });
  }
  await db.insert(pubFlights).values(rows);
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
