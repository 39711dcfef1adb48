import "server-only";
// Seed volume profiles: how many of each kind of record one unit of --scale gives. "pilot" is the
// small city's year (today's volumes); "large-city" a city of about 4 million with 21 divisions:
// ~10 million plate-reader searches, ~3 million camera accesses and ~30,000 flights a year.

export const SEED_PROFILES = ["pilot", "large-city"] as const;
export type SeedProfile = (typeof SEED_PROFILES)[number];

export type Volumes = { flights: number; accesses: number; searches: number; cso: number; baseline: number };

/** Rows a year at the pilot profile and scale 1 (see tests/seed/volumes.test.ts). */
const PILOT_ROWS: Volumes = { flights: 3_000, accesses: 25_000, searches: 2_000, cso: 6_000, baseline: 7_500 };

/** Multipliers of the pilot's volumes per profile. */
const MULTIPLIERS: Record<SeedProfile, Volumes> = {
  pilot: { flights: 1, accesses: 1, searches: 1, cso: 1, baseline: 1 },
  "large-city": { flights: 10, accesses: 120, searches: 4_980, cso: 10, baseline: 10 },
};

/**
 * How many times the pilot's camera users (watch-center operators, detectives, analysts, deputies…)
 * a profile's agencies employ. The large city's 10 million searches a year go to about a thousand
 * searchers (some 25 a working day each), as a large department's would, not to the pilot's 27
 * (1,000 a day each): the per-user misuse rules compare each user with their own history.
 * A city's staff does not shrink with --scale, which samples its records.
 */
const STAFFING: Record<SeedProfile, number> = { pilot: 1, "large-city": 40 };

export function profileStaffing(profile: SeedProfile): number {
  return STAFFING[profile];
}

/** Each generator's scale for a profile and --scale. */
export function profileScales(profile: SeedProfile, scale: number): Volumes {
  const m = MULTIPLIERS[profile];
  return {
    flights: m.flights * scale,
    accesses: m.accesses * scale,
    searches: m.searches * scale,
    cso: m.cso * scale,
    baseline: m.baseline * scale,
  };
}

/** About how many rows the streamed tables get, plus the daily reader counts that do not scale. */
export function expectedRows(profile: SeedProfile, scale: number): number {
  const s = profileScales(profile, scale);
  const keys = Object.keys(PILOT_ROWS) as (keyof Volumes)[];
  return Math.round(keys.reduce((sum, k) => sum + PILOT_ROWS[k] * s[k], 0) + 2_200);
}
