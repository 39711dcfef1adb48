import "server-only";
// Rollout prioritization's factors per area, every one from published data (the drone, CSO and
// camera-access area breakdowns, the camera inventory, feedback filed by area or about published records)
// and the areas' populations; staff-set starting weights from prioritization_weights.
import { asc, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { queryRows } from "@/db/sql";
import { prioritizationWeights } from "@/db/schema/content";
import { areas } from "@/db/schema/reference";
import { FACTOR_CATALOG, type AreaFactors, type FactorDef } from "@/lib/content/prioritization";
import { rules } from "@/lib/publish/rules";
import { perPublication } from "./per-publication";
import { getLatestRun } from "./publication";

type Opts = { db?: DbOrTx };

export type CamerasByNetwork = { area: string; network: string; n: number };

export type PrioritizationData = {
  factors: FactorDef[];
  areas: AreaFactors[];
  camerasByNetwork: CamerasByNetwork[];
  asOf: Date | null;
};

export async function prioritizationData(o: Opts = {}): Promise<PrioritizationData> {
  const db = o.db ?? (await getDb());
  const [staff, run] = await Promise.all([db.select().from(prioritizationWeights), getLatestRun({ db })]);
  const set = new Map(staff.map((w) => [w.factor, w]));
  const factors = FACTOR_CATALOG.map((f) => {
    const s = set.get(f.factor);
    return s ? { ...f, weight: s.weight, direction: s.direction } : f;
  });
  const computed = await perPublication(db, "prioritization.areas", (d) => areaFactors(d));
  return { factors, ...computed, asOf: run?.asOf ?? null };
}

const per1000 = (n: number | null, population: number) =>
  n === null || population <= 0 ? null : Math.round((n / population) * 1000 * 10) / 10;
/** A count below k is not a figure: the area gets none rather than a small number. */
const published = (n: number | null | undefined) =>
  n === null || n === undefined ? 0 : n > 0 && n < rules.minCount ? null : Number(n);

async function areaFactors(db: DbOrTx): Promise<Omit<PrioritizationData, "factors" | "asOf">> {
  const rows = await db
    .select({ slug: areas.slug, name: areas.name, population: areas.population })
    .from(areas)
    .orderBy(asc(areas.name));
  const byArea = async (q: ReturnType<typeof sql>) =>
    new Map((await queryRows<{ area: string; n: number | null }>(db, q)).map((r) => [r.area, r.n]));
  const [drones, cso, accesses, concerns, cams] = await Promise.all([
    byArea(sql`select key as area, count as n from pub_breakdowns
      where dataset = 'drones' and breakdown = 'area' and period = 'since_launch' and key <> '*' and key2 = ''`),
    byArea(sql`select key as area, count as n from pub_breakdowns
      where dataset = 'cso' and breakdown = 'area' and period = 'since_launch' and key <> '*' and key2 = ''`),
    byArea(sql`select key as area, count as n from pub_breakdowns
      where dataset = 'cameras' and breakdown = 'area' and period = 'since_launch' and key <> '*' and key2 = ''`),
    // Community feedback filed through the portal, each message once: in the area the resident
    // named on the form, else in the area of the published flight or camera access it is about.
    // Messages staff closed without action (spam, duplicates) are left out.
    byArea(sql`select coalesce(named.slug, f.area_slug, a.area_slug) as area, count(*)::int as n from feedback fb
      left join feedback_context c on c.feedback_id = fb.id
      left join areas named on named.id = c.area_id
      left join pub_flights f on fb.target_type = 'flight' and f.public_id = fb.target_ref
      left join pub_camera_accesses a on fb.target_type = 'access' and a.public_id = fb.target_ref
      where fb.status <> 'dismissed' and coalesce(named.slug, f.area_slug, a.area_slug) is not null group by 1`),
    queryRows<{ area: string; network: string; n: number }>(
      db,
      sql`select area_slug as area, network, count(*)::int as n from pub_cameras
        where area_slug is not null and kind <> 'plate_reader' and status = 'active' group by 1, 2 order by 1, 2`,
    ),
  ]);
  const camTotals = new Map<string, number>();
  for (const c of cams) camTotals.set(c.area, (camTotals.get(c.area) ?? 0) + Number(c.n));
  const list = rows.map((a) => {
    const d = published(drones.get(a.slug));
    const c = published(cso.get(a.slug));
    const calls = d === null || c === null ? null : d + c;
    const seen = published(accesses.get(a.slug));
    const watched = d === null || seen === null ? null : d + seen;
    return {
      slug: a.slug,
      name: a.name,
      values: {
        calls_per_1000: per1000(calls, a.population),
        existing_public_cameras: camTotals.get(a.slug) ?? 0,
        community_concerns_per_1000: per1000(published(concerns.get(a.slug)), a.population),
        population: a.population,
        surveillance_per_1000: per1000(watched, a.population),
      },
    };
  });
  return { areas: list, camerasByNetwork: cams.map((c) => ({ ...c, n: Number(c.n) })) };
}

/** The council's rollout decisions, latest first per area: where, what stage, why, and the vote. */
export async function listRolloutDecisions(o: Opts = {}) {
  const db = o.db ?? (await getDb());
  return queryRows<{
    area: string;
    area_name: string;
    program: string;
    program_name: string;
    status: string;
    decided_on: string;
    live_on: string | null;
    reason: string;
    motion: string | null;
    result: string | null;
    ayes: number | null;
    noes: number | null;
    abstentions: number | null;
  }>(
    db,
    sql`select a.slug as area, a.name as area_name, p.slug::text as program, p.name as program_name,
      d.status::text as status, d.decided_on::text as decided_on, d.live_on::text as live_on, d.reason,
      v.motion, v.result::text as result, v.ayes, v.noes, v.abstentions
      from rollout_decisions d join areas a on a.id = d.area_id join programs p on p.id = d.program_id
      left join council_votes v on v.id = d.vote_id
      order by d.decided_on desc, d.id desc`,
  );
}
