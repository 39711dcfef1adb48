import "server-only";
// Planted misuse for the review area to find at the top of its queue, all in the last month:
// an operator browsing a shelter camera at night without a case, a night's burst of boilerplate
// plate searches across hundreds of networks and other states, one plate looked up by three users
// (one reason naming a protest), and a flight with no call over a protest march route.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { alprSearches, cameraAccessEvents, droneFlights } from "../../db/schema";
import { at, type SeedDay } from "./calendar";
import type { SeedCamera } from "./cameras";
import type { Person, SeedRef } from "./reference";

const OUT_OF_STATE = ["Phoenix PD AZ", "Texas Department of Public Safety", "Las Vegas Metro NV", "Maricopa County AZ"];
const BOILERPLATE = ["Daytime search for best result", "inv", "investigation", "Investigation"];

function person(ref: SeedRef, role: string, nth = 0): Person {
  const list = ref.cameraUsers.filter((u) => u.role === role && u.agencyId === ref.agencyIds.sheriff);
  return list[nth % list.length] ?? ref.cameraUsers[0];
}

export async function plantMisuse(tx: DbOrTx, ref: SeedRef, cams: SeedCamera[], days: SeedDay[]): Promise<void> {
  const recent = days.slice(-30);
  if (recent.length < 10) return;
  const camera = cams.find((c) => c.nearSensitive && c.kind !== "plate_reader");
  const browser = person(ref, "patrol_deputy", 1);
  if (camera) {
    const rows: (typeof cameraAccessEvents.$inferInsert)[] = [];
    // Fourteen night visits to the shelter camera over the month, no case; the last one exported.
    for (let i = 0; i < 14; i++) {
      const day = recent[2 + 2 * i] ?? recent[recent.length - 1];
      const start = at(day, 60 + ((i * 23) % 120), 10);
      const op = i === 13 ? "export" : i % 4 === 3 ? "playback" : "live_view";
      rows.push({
        source: "seed",
        externalId: `MIS-AC-${String(i + 1).padStart(3, "0")}`,
        personnelId: browser.id,
        agencyId: browser.agencyId,
        userRole: browser.role,
        cameraId: camera.id,
        operation: op,
        startedAt: new Date(start),
        endedAt: new Date(start + (op === "live_view" ? 14 : 6) * 60_000),
        footageStart: op === "live_view" ? null : new Date(start - 26 * 3600_000),
        footageEnd: op === "live_view" ? null : new Date(start - 25 * 3600_000),
        reasonCode: "other",
        reasonText: i % 2 === 0 ? "check" : null,
        caseNumber: null,
        clientApp: "VMS Mobile",
        sharedWithAgencyId: null,
      });
    }
    await tx.insert(cameraAccessEvents).values(rows);
  }

  // One night: 30 searches by one analyst, boilerplate reasons, hundreds of networks.
  const analyst = person(ref, "analyst");
  const night = recent[recent.length - 6];
  const searches: (typeof alprSearches.$inferInsert)[] = [];
  for (let i = 0; i < 30; i++) {
    const networks = ["Lakemont", "PlateWatch shared network", ...OUT_OF_STATE.slice(0, 1 + (i % OUT_OF_STATE.length))];
    searches.push({
      source: "seed",
      externalId: `MIS-AS-${String(i + 1).padStart(3, "0")}`,
      personnelId: analyst.id,
      agencyId: analyst.agencyId,
      searchedAt: new Date(at(night, 75 + i * 5, 30)),
      reason: i % 10 === 9 ? "Assist ICE with removal order" : BOILERPLATE[i % BOILERPLATE.length],
      offenseType: null,
      caseNumber: i % 3 === 0 ? `LKM-${night.iso.slice(2, 4)}-00${4100 + i}` : null,
      networkCount: 300 + ((i * 37) % 900),
      networks,
      devicesSearched: 20_000 + ((i * 7919) % 45_000),
      searchType: "vehicle",
      plateHmac: `demo-plate-${(i % 6) + 10}`,
    });
  }
  // One plate searched by three users within a week, one naming a protest.
  const trio = [analyst, person(ref, "detective"), person(ref, "supervisor")];
  const reasons = [
    "Vehicle seen at protest, identify organizer",
    "Follow-up on vehicle of interest",
    "Registered owner check",
  ];
  trio.forEach((u, i) => {
    const day = recent[recent.length - 12 + 2 * i];
    searches.push({
      source: "seed",
      externalId: `MIS-AS-P${i + 1}`,
      personnelId: u.id,
      agencyId: u.agencyId,
      searchedAt: new Date(at(day, 14 * 60 + 10 * i)),
      reason: reasons[i],
      offenseType: null,
      caseNumber: null,
      networkCount: 3,
      networks: ["Lakemont", "Harbor City PD", "Bayside PD"],
      plateHmac: "demo-plate-1",
    });
  });
  await tx.insert(alprSearches).values(searches);

  // A flight with no call over the march route: a copy of a recent flight, with no call and its purpose in words.
  const [model] = await tx
    .select()
    .from(droneFlights)
    .where(and(isNotNull(droneFlights.path), eq(droneFlights.sensitive, false)))
    .orderBy(desc(droneFlights.launchedAt))
    .limit(1);
  if (model) {
    const launched = at(recent[recent.length - 4], 17 * 60 + 5);
    const ms = model.landedAt.getTime() - model.launchedAt.getTime();
    const { id: _id, ...rest } = model;
    void _id;
    await tx.insert(droneFlights).values({
      ...rest,
      externalId: "MIS-FL-001",
      callNumber: null,
      dispatchedAt: null,
      launchedAt: new Date(launched),
      onSceneAt: null,
      landedAt: new Date(launched + ms),
      outcome: "cancelled",
      firstOnScene: false,
      description: "Flight without a call for service: overwatch of protest march route, City Hall to Sunridge Park",
      createdAt: new Date(launched + ms + 3600_000),
      updatedAt: new Date(launched + ms + 3600_000),
    });
  }
}
