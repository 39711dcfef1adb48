import "server-only";
// The demo data generator: a deterministic city-year of drone flights, camera accesses, plate
// reader activity, CSO calls, a pre-pilot baseline and staff content, anchored to city().pilot.
import { count, getTableName, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import * as s from "../../db/schema";
import { city } from "../../lib/config/city";
import { generateDailyCounts, generateSearches, SEARCH_REASONS, seedSharing } from "./alpr";
import { deriveSearchCategories, searchCategoriesFor } from "../../db/queries/staff/call-types";
import { generateAccesses } from "./access";
import { generateBaseline } from "./baseline";
import { insertStream, type Progress } from "./batch";
import { expectedRows, profileScales, profileStaffing, type SeedProfile } from "./profiles";
import { seedCalendar } from "./calendar";
import { startOfLocalDay } from "../../lib/time";
import { addDays } from "../../lib/publish/incremental";
import { CITY_CAMERAS, seedCameras } from "./cameras";
import { seedCivic } from "./civic";
import { seedBudget, seedInitiatives, seedTargetsAndWeights } from "./content";
import { generateCso } from "./cso";
import { seedDemoUsers } from "./demo-users";
import { generateFlights } from "./drones";
import { seedReviewHistory } from "./review-history";
import { seedRollout } from "./rollout";
import { seedAreaFeedback } from "./feedback-areas";
import { plantMisuse } from "./misuse";
import { seedPolicies } from "./policies";
import { seedReference } from "./reference";
import { resetDemoData, SEEDED_TABLES } from "./reset";

/** About how many rows a seed writes: the total progress estimates time left from. */
export function expectedSeedRows(scale: number, profile: SeedProfile = "pilot"): number {
  return expectedRows(profile, scale);
}

export type SeedOptions = {
  scale: number;
  seed: number;
  /** Volumes per unit of scale: "pilot" (the default) or "large-city" (see profiles.ts). */
  profile?: SeedProfile;
  ifEmpty?: boolean;
  reset?: boolean;
  progress?: Progress;
};
export type SeedResult = { summary: string; skipped: boolean; counts: Record<string, number>; accountLines: string[] };

/** Above this many rows the seed goes in without one enclosing transaction (PGlite keeps it all in memory). */
const SINGLE_TRANSACTION_MAX_ROWS = expectedRows("pilot", 10);

export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedResult> {
  if (opts.ifEmpty && !opts.reset) {
    const [{ n }] = await db.select({ n: count() }).from(s.programs);
    if (n > 0)
      return {
        summary: "Database already has data: seed skipped (--if-empty).",
        skipped: true,
        counts: {},
        accountLines: [],
      };
  }
  const started = Date.now();
  let accountLines: string[] = [];
  const work = async (tx: DbOrTx) => {
    if (opts.reset) await resetDemoData(tx);
    accountLines = await seedAll(tx, opts);
  };
  if (expectedRows(opts.profile ?? "pilot", opts.scale) <= SINGLE_TRANSACTION_MAX_ROWS) await db.transaction(work);
  else await work(db);
  // A bulk load leaves the planner without statistics and no row's commit recorded on its page: do
  // now what autovacuum would do soon after (where it runs at all), so that the first publication
  // and the first pages run as they would on a database in service. Not inside the transaction,
  // where VACUUM cannot run.
  await db.execute(sql`vacuum (analyze)`);
  const counts = await tableCounts(db);
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  const lines = [
    `Seeded demo data for ${city().name} (seed ${opts.seed}, profile ${opts.profile ?? "pilot"}, scale ${opts.scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    ...Object.entries(counts).map(([t, n]) => `  ${t.padEnd(width)}  ${n.toLocaleString("en-US")}`),
  ];
  if (accountLines.length) lines.push("Demo accounts:", ...accountLines.map((l) => `  ${l}`));
  return { summary: lines.join("\n"), skipped: false, counts, accountLines };
}

async function seedAll(tx: DbOrTx, opts: SeedOptions): Promise<string[]> {
  const c = city();
  const { seed, progress } = opts;
  const scale = profileScales(opts.profile ?? "pilot", opts.scale);
  const cal = seedCalendar(c.pilot, c.timeZone);
  const ref = await seedReference(tx, c, seed, profileStaffing(opts.profile ?? "pilot"));
  const populations = c.areas.map((a) => a.properties.population);
  const cams = await seedCameras(tx, c, ref, seed);
  const readers = cams.filter((k) => k.kind === "plate_reader");
  const opt = { progress };

  await insertStream(tx, s.droneFlights, generateFlights(ref, cal.pilot, seed, scale.flights, populations), {
    ...opt,
    batchSize: 500,
  });
  await insertStream(tx, s.cameraAccessEvents, generateAccesses(ref, cams, cal.pilot, seed, scale.accesses), opt);
  await insertStream(tx, s.alprDailyCounts, generateDailyCounts(readers, cal.pilot, seed), opt);
  // Categories up front: deriving them afterwards rewrites every row (minutes at 10 million).
  const reasonCategories = await searchCategoriesFor(tx, SEARCH_REASONS);
  await insertStream(tx, s.alprSearches, generateSearches(ref, cal.pilot, seed, scale.searches, reasonCategories), opt);
  await seedSharing(tx, ref, cal.pilotStart);
  await plantMisuse(tx, ref, cams, cal.pilot);
  // The planted searches' purposes through the call-type mapping, as an import would give them.
  await deriveSearchCategories(tx);
  await insertStream(tx, s.csoActivities, generateCso(ref, cal.pilot, seed, scale.cso, populations), opt);
  await insertStream(
    tx,
    s.baselineResponses,
    generateBaseline(ref, cal.baseline, seed, scale.baseline, populations),
    opt,
  );

  const demoCal = { pilotStart: cal.pilotStart, cityCameras: CITY_CAMERAS };
  await seedBudget(tx, ref, demoCal);
  await seedInitiatives(tx, ref, demoCal);
  await seedTargetsAndWeights(tx, demoCal);
  await seedCivic(tx, ref, demoCal);
  await seedRollout(tx, c, cal.pilotStart);
  await seedAreaFeedback(tx, ref, cal.pilotStart, seed);
  await seedPolicies(tx);
  const accounts = await seedDemoUsers(tx);
  // "Now" for the demo's review history is the end of its own calendar (the city's today), so the
  // seed is the same whatever the clock says when DAYLIGHT_TODAY pins the calendar.
  await seedReviewHistory(tx, startOfLocalDay(addDays(cal.pilotEnd, 1), c.timeZone));
  return accounts;
}

export async function tableCounts(db: DbOrTx): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...SEEDED_TABLES, s.users]) {
    const [{ n }] = await db.select({ n: count() }).from(t);
    out[getTableName(t)] = Number(n);
  }
  return out;
}
