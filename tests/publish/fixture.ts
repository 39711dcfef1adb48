// A small raw dataset for publication tests: categories, two areas, two docks, a pilot, and
// flights spread over 60 days ending before `now` (some within the publication delay).
import type { DbOrTx } from "../../db/client";
import { agencies, areas, callCategories, droneDocks, droneFlights, personnel } from "../../db/schema";

export const NOW = new Date("2026-01-15T20:00:00Z");
// The demo city's pilot dates are relative to "today": pin it to NOW so that the pilot window
// (and every since-launch figure) covers this fixture whatever the machine's clock says.
process.env.DAYLIGHT_TODAY = NOW.toISOString().slice(0, 10);
export const DOCK = { lat: 33.8838, lon: -118.3618 };
const DAY = 86400_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const square = (w: number, s: number, e: number, n: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

export async function seedFixture(db: DbOrTx, flights = 400): Promise<void> {
  await db.insert(callCategories).values([
    { code: "theft", label: "Theft", grouping: "property" },
    { code: "burglary", label: "Burglary", grouping: "property" },
    { code: "assault", label: "Assault", grouping: "violent" },
    { code: "suspicious_person", label: "Suspicious person", grouping: "suspicious" },
    { code: "domestic_violence", label: "Domestic violence", grouping: "sensitive", sensitive: true },
  ]);
  const [ag] = await db
    .insert(agencies)
    .values({ name: "Lakemont Sheriff", nameKey: "lakemont sheriff", kind: "county" })
    .returning();
  const [pilot] = await db
    .insert(personnel)
    .values({ displayName: "Pat Pilot", nameKey: "pat pilot", agencyId: ag.id, role: "drone_pilot" })
    .returning();
  const [north, south] = await db
    .insert(areas)
    .values([
      { slug: "north", name: "North", population: 10000, boundary: square(-118.37, 33.888, -118.335, 33.9) },
      { slug: "south", name: "South", population: 10000, boundary: square(-118.37, 33.875, -118.335, 33.888) },
    ])
    .returning();
  const [dock] = await db
    .insert(droneDocks)
    .values({ slug: "dock-station", name: "Station Dock", siteName: "Station roof", lat: DOCK.lat, lon: DOCK.lon })
    .returning();
  const r = rng(7);
  const cats = ["theft", "theft", "burglary", "assault", "suspicious_person", "suspicious_person", "domestic_violence"];
  const outcomes = ["cleared_no_patrol", "patrol_dispatched", "arrest", "no_action"] as const;
  const rows: (typeof droneFlights.$inferInsert)[] = [];
  for (let i = 0; i < flights; i++) {
    const dispatched = NOW.getTime() - 60 * DAY + r() * 60 * DAY;
    // Half the scenes cluster near one busy corner, the rest spread out.
    const busy = r() < 0.5;
    const lat = busy ? 33.8921 + (r() - 0.5) * 0.002 : 33.877 + r() * 0.02;
    const lon = busy ? -118.3548 + (r() - 0.5) * 0.002 : -118.368 + r() * 0.03;
    const cat = cats[Math.floor(r() * cats.length)];
    const launched = dispatched + 40_000;
    const onScene = launched + 60_000 + r() * 180_000;
    const landed = onScene + 600_000 + r() * 1_200_000;
    const coords: [number, number][] = [];
    for (let k = 0; k <= 30; k++)
      coords.push([DOCK.lon + ((lon - DOCK.lon) * k) / 30, DOCK.lat + ((lat - DOCK.lat) * k) / 30]);
    for (let k = 29; k >= 0; k--) coords.push(coords[k]);
    rows.push({
      source: "test",
      externalId: `T-${i}`,
      callNumber: r() < 0.9 ? `CFS-${i}` : null,
      category: cat,
      sensitive: cat === "domestic_violence",
      dispatchedAt: new Date(dispatched),
      launchedAt: new Date(launched),
      onSceneAt: new Date(onScene),
      landedAt: new Date(landed),
      dockId: dock.id,
      pilotId: pilot.id,
      path: { type: "LineString", coordinates: coords },
      destLat: lat,
      destLon: lon,
      areaId: lat > 33.888 ? north.id : south.id,
      outcome: outcomes[Math.floor(r() * outcomes.length)],
      firstOnScene: r() < 0.8,
      description: "free text that must never be published",
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(droneFlights).values(rows.slice(i, i + 500));
}
