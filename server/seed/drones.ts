import "server-only";
// ~8 drone flights a day across the pilot year, with a realistic mix of calls and outcomes.
import type { droneFlights } from "../../db/schema";
import { CALL_HOUR_WEIGHTS, at, minuteOfDay, type SeedDay } from "./calendar";
import { droneMix } from "./categories";
import { buildPath } from "./flight-path";
import { haversine, randomPointIn, type AreaShape } from "./geo";
import type { SeedRef } from "./reference";
import { createRng, type Rng } from "./rng";

type FlightRow = typeof droneFlights.$inferInsert;
export const FLIGHTS_PER_DAY = 8.2;

const OUTCOMES = [
  ["cleared_no_patrol", 36],
  ["patrol_dispatched", 40],
  ["arrest", 7],
  ["no_action", 10],
  ["cancelled", 4],
  ["other", 3],
] as const;
const NOTES: Record<string, string[]> = {
  cleared_no_patrol: [
    "Drone observed scene; nothing requiring a unit. Cleared.",
    "Caller's concern checked from the air; area quiet, no patrol needed.",
    "Vehicle located and confirmed legally parked. Cleared.",
  ],
  patrol_dispatched: [
    "Drone relayed live video to responding deputies.",
    "Subject matching description seen walking north; units directed.",
    "Provided overwatch until patrol arrived.",
  ],
  arrest: [
    "Drone tracked suspect to rear yard; deputies made arrest.",
    "Suspect vehicle followed until stopped by patrol; one in custody.",
  ],
  no_action: ["Nothing found on arrival.", "Unable to locate reported subject."],
  cancelled: ["Call cancelled by dispatch while en route.", "Caller cancelled; drone recalled."],
  other: ["Assisted fire department with scene overview.", "Handed off to neighbouring agency."],
};

function pickArea(rng: Rng, areas: AreaShape[], weights: number[]): AreaShape {
  return rng.weighted(areas.map((a, i) => [a, weights[i]] as const));
}

export function* generateFlights(
  ref: SeedRef,
  days: SeedDay[],
  seed: number,
  scale: number,
  populations: number[],
): Generator<FlightRow> {
  const rng = createRng(seed, "flights");
  let serial = 0;
  for (const day of days) {
    const weekdayFactor = day.weekday === 5 || day.weekday === 6 ? 1.12 : day.weekday === 0 ? 0.9 : 0.98;
    const n = rng.poisson(FLIGHTS_PER_DAY * scale * weekdayFactor);
    for (let k = 0; k < n; k++) {
      serial++;
      const cat = rng.weighted(droneMix);
      const area = pickArea(rng, ref.areas, populations);
      const dest = randomPointIn(rng, area);
      const byDistance = [...ref.docks].sort((a, b) => haversine(a.point, dest) - haversine(b.point, dest));
      const dock = rng.chance(0.88) ? byDistance[0] : (byDistance[1] ?? byDistance[0]);
      const hasCall = !rng.chance(0.05);
      const outcome = rng.weighted(OUTCOMES);
      const dispatched = at(day, minuteOfDay(rng, CALL_HOUR_WEIGHTS), rng.int(0, 59));
      const launchDelay = Math.min(180, Math.max(12, rng.logNormal(56, 0.4)));
      const launched = hasCall ? dispatched + launchDelay * 1000 : dispatched;
      const straight = haversine(dock.point, dest);
      const outbound = 15 + (straight / 14) * rng.float(1, 1.15);
      const reachedScene = !(outcome === "cancelled" && rng.chance(0.5));
      const longOne = rng.chance(0.005);
      let loiter = reachedScene ? Math.min(32 * 60, Math.max(7 * 60, rng.logNormal(13 * 60, 0.35))) : 20;
      if (longOne) loiter = rng.float(85, 140) * 60;
      const detour = rng.chance(0.01) ? [rng.pick(ref.areas), rng.pick(ref.areas)] : null;
      const path = buildPath(rng, dock.point, dest, loiter, detour);
      const travelOut = detour ? (path.distanceM - 2 * straight) / 14 : outbound;
      const onScene = reachedScene ? launched + travelOut * 1000 : null;
      const landed = launched + (travelOut + loiter + straight / 15 + 25) * 1000;
      const firstOnScene = reachedScene ? rng.chance(0.82) : false;
      const yy = day.iso.slice(2, 4);
      yield {
        source: "seed",
        externalId: `FL-${String(serial).padStart(7, "0")}`,
        callNumber: hasCall
          ? `CFS-${yy}${day.iso.slice(5, 7)}${day.iso.slice(8, 10)}-${String(rng.int(1, 999)).padStart(4, "0")}`
          : null,
        callTypeRaw: cat.label.toUpperCase(),
        category: cat.code,
        sensitive: !!cat.sensitive,
        priority: cat.grouping === "violent" ? rng.int(1, 2) : rng.int(2, 4),
        dispatchedAt: hasCall ? new Date(dispatched) : null,
        launchedAt: new Date(launched),
        onSceneAt: onScene === null ? null : new Date(Math.round(onScene)),
        landedAt: new Date(Math.round(landed)),
        dockId: dock.id,
        aircraftId: dock.aircraftId,
        pilotId: rng.pick(ref.pilots).id,
        path: { type: "LineString", coordinates: path.coords },
        destLat: Math.round(dest[1] * 1e6) / 1e6,
        destLon: Math.round(dest[0] * 1e6) / 1e6,
        areaId: area.id,
        distanceFlownM: path.distanceM,
        outcome,
        firstOnScene,
        footageRetained: rng.chance(outcome === "arrest" ? 0.9 : outcome === "patrol_dispatched" ? 0.25 : 0.06),
        description: hasCall
          ? rng.pick(NOTES[outcome])
          : "Flight without a call for service: " +
            rng.pick(["area check", "proactive patrol", "requested by supervisor"]),
        createdAt: new Date(Math.round(landed) + 3600_000),
        updatedAt: new Date(Math.round(landed) + 3600_000),
      };
    }
  }
}
