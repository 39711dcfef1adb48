import "server-only";
// The council scorecard's numbers, computed for any period from published tables only
// (pub_flights, pub_camera_accesses, pub_alpr_searches, pub_cso_calls, pub_*_metrics baselines, pub_finding_counts,
// pub_sharing_agreements, pub_cameras) plus staff content that is public as written (targets,
// budget, feedback counts, prioritization weights and the areas' published factors).
// Medians and shares built on fewer than rules.minEventsForRate events are not published.
import { asc, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { queryRows } from "@/db/sql";
import { metricTargets, prioritizationWeights } from "@/db/schema/content";
import { pubDroneMetrics, pubFindingCounts } from "@/db/schema/published-drones";
import { pubSharingAgreements } from "@/db/schema/published-cameras";
import { pubCsoMetrics } from "@/db/schema/published-cso";
import { areas } from "@/db/schema/reference";
import { rules } from "@/lib/publish/rules";
import type { SeriesPoint } from "@/lib/content/scorecard";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());
const MIN = rules.minEventsForRate;

export type MetricValue = { value: number | null; n: number; baseline: number | null; series: SeriesPoint[] };
type Month = { month: string | null };

const monthLabel = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * Overall value and a monthly series from rows grouped by month (grouping sets: month, and the
 * total with month null). pick gives each row's denominator and value: below MIN, no value.
 */
function assemble<R extends Month>(rows: R[], pick: (r: R) => { n: number; value: number | null }, baseline: number | null = null): MetricValue {
  const at = (r: R | undefined) => {
    if (!r) return { n: 0, value: null };
    const p = pick(r);
    return { n: Number(p.n), value: Number(p.n) >= MIN ? p.value : null };
  };
  const total = at(rows.find((r) => r.month === null));
  const series = rows.filter((r) => r.month !== null).sort((a, b) => String(a.month).localeCompare(String(b.month)))
    .map((r) => ({ label: monthLabel(String(r.month)), value: at(r).value }));
  return { value: total.value, n: total.n, baseline, series };
}

async function droneRows(db: DbOrTx, from: string, to: string) {
  return queryRows<Month & { n: number; hits: number; fos: number; n_fos: number; n_out: number; n_tts: number; med_tts: number | null }>(db, sql`
    select to_char(date_trunc('month', local_date), 'YYYY-MM-DD') as month, count(*)::int as n,
      percentile_cont(0.5) within group (order by time_to_scene_min) as med_tts, count(time_to_scene_min)::int as n_tts,
      count(*) filter (where outcome = 'cleared_no_patrol')::int as hits, count(outcome)::int as n_out,
      count(*) filter (where first_on_scene)::int as fos, count(first_on_scene)::int as n_fos
    from pub_flights where local_date between ${from}::date and ${to}::date
    group by grouping sets ((date_trunc('month', local_date)), ())`);
}

async function csoRows(db: DbOrTx, from: string, to: string) {
  return queryRows<Month & { n: number; med: number | null; n_resp: number; no_sworn: number }>(db, sql`
    select to_char(date_trunc('month', local_date), 'YYYY-MM-DD') as month, count(*)::int as n,
      percentile_cont(0.5) within group (order by response_min) as med, count(response_min)::int as n_resp,
      count(*) filter (where not sworn_backup_requested)::int as no_sworn
    from pub_cso_calls where local_date between ${from}::date and ${to}::date
    group by grouping sets ((date_trunc('month', local_date)), ())`);
}

async function shareRows(db: DbOrTx, table: "pub_camera_accesses" | "pub_alpr_searches", from: string, to: string) {
  return queryRows<Month & { n: number; hits: number }>(db, sql`
    select to_char(date_trunc('month', local_date), 'YYYY-MM-DD') as month, count(*)::int as n,
      count(*) filter (where linked_to_case)::int as hits
    from ${sql.identifier(table)} where local_date between ${from}::date and ${to}::date
    group by grouping sets ((date_trunc('month', local_date)), ())`);
}

/** Every scorecard metric's value for the period, keyed by metric key. Missing datasets are absent. */
export async function metricValues(o: Opts & { from: string; to: string }): Promise<Record<string, MetricValue>> {
  const db = await use(o);
  const out: Record<string, MetricValue> = {};
  const [baseRow] = await db.select().from(pubDroneMetrics).where(sql`${pubDroneMetrics.period} = 'baseline' and ${pubDroneMetrics.metric} = 'median_time_to_scene_min'`);
  const drone = await droneRows(db, o.from, o.to);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const baseline = baseRow?.value != null ? baseRow.value * 60 : null;
  out.drone_median_time_to_scene_sec = assemble(drone, (r) => ({ n: r.n_tts, value: r.med_tts === null ? null : num(r.med_tts)! * 60 }), baseline);
  out.drone_share_cleared_no_patrol = assemble(drone, (r) => ({ n: r.n_out, value: r.n_out ? Number(r.hits) / r.n_out : null }));
  out.drone_share_first_on_scene = assemble(drone, (r) => ({ n: r.n_fos, value: r.n_fos ? Number(r.fos) / r.n_fos : null }));
  const share = (r: { n: number; hits: number }) => ({ n: r.n, value: r.n ? Number(r.hits) / r.n : null });
  out.camera_share_with_case = assemble(await shareRows(db, "pub_camera_accesses", o.from, o.to), share);
  out.alpr_share_with_case = assemble(await shareRows(db, "pub_alpr_searches", o.from, o.to), share);
  const [csoBase] = await db.select().from(pubCsoMetrics).where(sql`${pubCsoMetrics.period} = 'baseline' and ${pubCsoMetrics.metric} = 'median_response_min'`);
  const cso = await csoRows(db, o.from, o.to);
  out.cso_median_response_min = assemble(cso, (r) => ({ n: r.n_resp, value: num(r.med) }), csoBase?.value ?? null);
  out.cso_share_no_sworn = assemble(cso, (r) => ({ n: r.n, value: r.n ? Number(r.no_sworn) / r.n : null }));
  return out;
}

export async function listTargetsPublic(o: Opts = {}) {
  const db = await use(o);
  return db.select({ metricKey: metricTargets.metricKey, label: metricTargets.label, target: metricTargets.target, unit: metricTargets.unit, direction: metricTargets.direction })
    .from(metricTargets).orderBy(asc(metricTargets.metricKey));
}

/** Open and closed findings by type, as published (suppressed counts stay null). */
export async function findingCounts(o: Opts = {}) {
  const db = await use(o);
  return db.select().from(pubFindingCounts).orderBy(asc(pubFindingCounts.findingType));
}

export async function sharingAgreements(o: Opts = {}) {
  const db = await use(o);
  return db.select().from(pubSharingAgreements).orderBy(asc(pubSharingAgreements.program), asc(pubSharingAgreements.agency));
}

/** Areas with the factors the prioritization page weighs, all from published data. */
export async function prioritizationInputs(o: Opts = {}) {
  const db = await use(o);
  const weights = await db.select().from(prioritizationWeights).orderBy(asc(prioritizationWeights.factor));
  const rows = await db.select({ slug: areas.slug, name: areas.name, population: areas.population, propertyCrimeRate: areas.propertyCrimeRate, communityFeedbackScore: areas.communityFeedbackScore }).from(areas).orderBy(asc(areas.name));
  const calls = await queryRows<{ area: string; n: number }>(db, sql`select area_slug as area, count(*)::int as n from pub_flights where area_slug is not null group by 1`);
  const cams = await queryRows<{ area: string; n: number }>(db, sql`select area_slug as area, count(*)::int as n from pub_cameras where area_slug is not null and kind <> 'plate_reader' group by 1`);
  const callMap = new Map(calls.map((c) => [c.area, Number(c.n)]));
  const camMap = new Map(cams.map((c) => [c.area, Number(c.n)]));
  const areaFactors = rows.map((a) => ({
    slug: a.slug, name: a.name,
    values: {
      property_crime_rate: a.propertyCrimeRate,
      calls_per_1000: a.population > 0 ? ((callMap.get(a.slug) ?? 0) / a.population) * 1000 : null,
      community_feedback_score: a.communityFeedbackScore,
      existing_public_cameras: camMap.get(a.slug) ?? 0,
    } as Record<string, number | null>,
  }));
  return { weights, areas: areaFactors };
}
