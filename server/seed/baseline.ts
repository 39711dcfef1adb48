import "server-only";
// The year before the pilot: patrol responses to the kinds of calls drones and CSOs now take,
// so dashboards can compare the pilot with what came before.
import type { baselineResponses } from "../../db/schema";
import { CALL_HOUR_WEIGHTS, at, minuteOfDay, type SeedDay } from "./calendar";
import { csoMix, droneMix } from "./categories";
import { randomPointIn, round6 } from "./geo";
import type { SeedRef } from "./reference";
import { createRng } from "./rng";

type Row = typeof baselineResponses.$inferInsert;
export const BASELINE_PER_DAY = { drones: 9, cso: 15 } as const;

export function* generateBaseline(
  ref: SeedRef,
  days: SeedDay[],
  seed: number,
  scale: number,
  populations: number[],
): Generator<Row> {
  const rng = createRng(seed, "baseline");
  const areaMix = ref.areas.map((a, i) => [a, populations[i]] as const);
  for (const day of days) {
    for (const program of ["drones", "cso"] as const) {
      const n = rng.poisson(BASELINE_PER_DAY[program] * scale);
      for (let k = 0; k < n; k++) {
        const cat = rng.weighted(program === "drones" ? droneMix : csoMix);
        const area = rng.weighted(areaMix);
        const p = randomPointIn(rng, area);
        const received = at(day, minuteOfDay(rng, CALL_HOUR_WEIGHTS), rng.int(0, 59));
        // Patrol reached drone-type calls in ~4.5 minutes; low-priority CSO-type calls waited ~28.
        const toScene = program === "drones" ? rng.logNormal(270, 0.45) : rng.logNormal(28 * 60, 0.6);
        const arrived = !rng.chance(0.04);
        const onScene = arrived ? received + toScene * 1000 : null;
        const cleared = (onScene ?? received) + rng.logNormal(program === "drones" ? 32 * 60 : 38 * 60, 0.5) * 1000;
        yield {
          program,
          category: cat.code,
          areaId: area.id,
          receivedAt: new Date(received),
          onSceneAt: onScene === null ? null : new Date(Math.round(onScene)),
          clearedAt: new Date(Math.round(cleared)),
          lat: round6(p[1]),
          lon: round6(p[0]),
        };
      }
    }
  }
}
