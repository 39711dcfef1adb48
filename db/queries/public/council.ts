import "server-only";
// The council scorecard's numbers, computed for any period from published tables only
// (pub_daily_counts and value histograms, the drones' area breakdown, pub_alpr_searches, pub_cso_calls, pub_*_metrics baselines, pub_finding_counts,
// pub_sharing_agreements, pub_cameras) plus staff content that is public as written (targets,
// budget, feedback counts, prioritization weights and the areas' published factors).
// Medians and shares built on fewer than rules.minEventsForRate events are not published.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { queryRows } from "@/db/sql";
import { perPublication } from "./per-publication";
import { metricTargets, prioritizationWeights } from "@/db/schema/content";
import { pubFindingCounts } from "@/db/schema/published-drones";
import { pubSharingAgreements } from "@/db/schema/published-cameras";
import { pubBreakdowns, pubMetrics } from "@/db/schema/published-rollups";
import { areas } from "@/db/schema/reference";
import { dateTimeFormat } from "@/lib/format/intl";
import { rules } from "@/lib/publish/rules";
import type { SeriesPoint } from "@/lib/content/scorecard";
import { weightedMedian } from "@/lib/content/weighted-median";
import type { DailyDataset, RollupDataset } from "@/lib/vocab";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());
const MIN = rules.minEventsForRate;

export type MetricValue = { value: number | null; n: number; baseline: number | null; series: SeriesPoint[] };
type Month = { month: string | null };

const monthLabel = (iso: string) =>
  dateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );

/**
 * Overall value and a monthly series from rows grouped by month (grouping sets: month, and the
 * total with month null). pick gives each row's denominator and value: below MIN, no value.
 */
function assemble<R extends Month>(
  rows: R[],
  pick: (r: R) => { n: number; value: number | null },
  baseline: number | null = null,
): MetricValue {
  const at = (r: R | undefined) => {
    if (!r) return { n: 0, value: null };
    const p = pick(r);
    return { n: Number(p.n), value: Number(p.n) >= MIN ? p.value : null };
  };
  const total = at(rows.find((r) => r.month === null));
  const series = rows
    .filter((r) => r.month !== null)
    .sort((a, b) => String(a.month).localeCompare(String(b.month)))
    .map((r) => ({ label: monthLabel(String(r.month)), value: at(r).value }));
  return { value: total.value, n: total.n, baseline, series };
}

type DailyRow = Month & { counts: Record<string, number>; med: number | null };

/**
 * A dataset's per-day counts (pub_daily_counts) summed per month and over the whole range (the
 * row with month null), by metric; with `median`, that value histogram's median as `med`.
 */
async function dailyRows(
  db: DbOrTx,
  dataset: DailyDataset,
  from: string,
  to: string,
  median?: string,
): Promise<DailyRow[]> {
  const month = sql`to_char(date_trunc('month', local_date), 'YYYY-MM-DD')`;
  const range = sql`dataset = ${dataset} and local_date between ${from}::date and ${to}::date`;
  const counts = await queryRows<{ month: string | null; metric: string; n: number }>(
    db,
    sql`
    select ${month} as month, metric, sum(n)::int as n from pub_daily_counts where ${range}
    group by grouping sets ((${month}, metric), (metric))`,
  );
  const byMonth = new Map<string | null, DailyRow>();
  const rowFor = (m: string | null) => byMonth.get(m) ?? byMonth.set(m, { month: m, counts: {}, med: null }).get(m)!;
  for (const c of counts) rowFor(c.month).counts[c.metric] = Number(c.n);
  if (median) {
    // Months wholly inside the range come from the monthly histograms, the days of a partly
    // covered first or last month from the daily ones; the whole range's histogram is their sum.
    const whole = wholeMonths(from, to);
    const monthly = whole
      ? sql`select month, value, n from pub_monthly_values
        where dataset = ${dataset} and metric = ${median} and month between ${whole.first}::date and ${whole.last}::date`
      : sql`select null::date, null::real, null::int where false`;
    const partial = whole
      ? sql`and not (local_date between ${whole.first}::date and (${whole.last}::date + interval '1 month' - interval '1 day'))`
      : sql``;
    const hist = await queryRows<{ month: string; value: number; n: number }>(
      db,
      sql`
      select to_char(m, 'YYYY-MM-DD') as month, value, sum(n)::int as n from (
        ${monthly}
        union all
        select date_trunc('month', local_date)::date, value, n from pub_daily_values where ${range} and metric = ${median} ${partial}
      ) h (m, value, n) group by 1, 2`,
    );
    const pairs = new Map<string | null, { value: number; n: number }[]>([[null, []]]);
    const all = new Map<number, number>();
    for (const h of hist) {
      const p = { value: Number(h.value), n: Number(h.n) };
      (pairs.get(h.month) ?? pairs.set(h.month, []).get(h.month)!).push(p);
      all.set(p.value, (all.get(p.value) ?? 0) + p.n);
    }
    pairs.set(
      null,
      [...all].map(([value, n]) => ({ value, n })),
    );
    for (const [m, row] of byMonth) row.med = weightedMedian(pairs.get(m) ?? []);
  }
  return [...byMonth.values()];
}

/** First days of the first and last calendar months that lie wholly inside from..to, if any. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const [fy, fm, fd] = from.split("-").map(Number);
  const first = new Date(Date.UTC(fy, fm - 1 + (fd === 1 ? 0 : 1), 1));
  const [ty, tm, td] = to.split("-").map(Number);
  const endsMonth = new Date(Date.UTC(ty, tm - 1, td + 1)).getUTCDate() === 1;
  const last = new Date(Date.UTC(ty, tm - 1 - (endsMonth ? 0 : 1), 1));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return first <= last ? { first: iso(first), last: iso(last) } : null;
}

/** Every scorecard metric's value for the period, keyed by metric key. Missing datasets are absent. */
export async function metricValues(o: Opts & { from: string; to: string }): Promise<Record<string, MetricValue>> {
  // Every visitor of the scorecard asks for the same few periods: computed once per publication.
  return perPublication(o.db, `council.metricValues:${o.from}:${o.to}`, (db) => computeMetricValues(db, o.from, o.to));
}

/** A dataset's pre-pilot baseline metric, as one row or none. */
const baselineMetric = (db: DbOrTx, dataset: RollupDataset, metric: string) =>
  db
    .select()
    .from(pubMetrics)
    .where(and(eq(pubMetrics.dataset, dataset), eq(pubMetrics.period, "baseline"), eq(pubMetrics.metric, metric)));

async function computeMetricValues(db: DbOrTx, from: string, to: string): Promise<Record<string, MetricValue>> {
  const o = { from, to };
  const out: Record<string, MetricValue> = {};
  // Independent reads: on a Postgres pool they run side by side.
  const [[baseRow], [csoBase], drone, cameras, alpr, cso] = await Promise.all([
    baselineMetric(db, "drones", "median_time_to_scene_min"),
    baselineMetric(db, "cso", "median_response_min"),
    dailyRows(db, "drones", o.from, o.to, "tts"),
    dailyRows(db, "cameras", o.from, o.to),
    dailyRows(db, "alpr", o.from, o.to),
    dailyRows(db, "cso", o.from, o.to, "response"),
  ]);
  const baseline = baseRow?.value != null ? baseRow.value * 60 : null;
  const count = (r: DailyRow, metric: string) => r.counts[metric] ?? 0;
  const ratio = (r: DailyRow, part: string, whole: string) => ({
    n: count(r, whole),
    value: count(r, whole) ? count(r, part) / count(r, whole) : null,
  });
  out.drone_median_time_to_scene_sec = assemble(
    drone,
    (r) => ({ n: count(r, "n_tts"), value: r.med === null ? null : r.med * 60 }),
    baseline,
  );
  out.drone_share_cleared_no_patrol = assemble(drone, (r) => ratio(r, "hits", "n_out"));
  out.drone_share_first_on_scene = assemble(drone, (r) => ratio(r, "fos", "n_fos"));
  out.camera_share_with_case = assemble(cameras, (r) => ratio(r, "hits", "n"));
  out.alpr_share_with_case = assemble(alpr, (r) => ratio(r, "hits", "n"));
  out.cso_median_response_min = assemble(cso, (r) => ({ n: count(r, "n_resp"), value: r.med }), csoBase?.value ?? null);
  out.cso_share_no_sworn = assemble(cso, (r) => ratio(r, "no_sworn", "n"));
  return out;
}

export async function listTargetsPublic(o: Opts = {}) {
  const db = await use(o);
  return db
    .select({
      metricKey: metricTargets.metricKey,
      label: metricTargets.label,
      target: metricTargets.target,
      unit: metricTargets.unit,
      direction: metricTargets.direction,
    })
    .from(metricTargets)
    .orderBy(asc(metricTargets.metricKey));
}

/** Open and closed findings by type, as published (suppressed counts stay null). */
export async function findingCounts(o: Opts = {}) {
  const db = await use(o);
  return db.select().from(pubFindingCounts).orderBy(asc(pubFindingCounts.findingType));
}

export async function sharingAgreements(o: Opts = {}) {
  const db = await use(o);
  return db
    .select()
    .from(pubSharingAgreements)
    .orderBy(asc(pubSharingAgreements.program), asc(pubSharingAgreements.agency));
}

/** Areas with the factors the prioritization page weighs, all from published data. */
export async function prioritizationInputs(o: Opts = {}) {
  const db = await use(o);
  const weights = await db.select().from(prioritizationWeights).orderBy(asc(prioritizationWeights.factor));
  const rows = await db
    .select({
      slug: areas.slug,
      name: areas.name,
      population: areas.population,
      propertyCrimeRate: areas.propertyCrimeRate,
      communityFeedbackScore: areas.communityFeedbackScore,
    })
    .from(areas)
    .orderBy(asc(areas.name));
  // Flights per area since launch as the publication counted them (a small-count area is "fewer
  // than 11", so its rate is not published), not a count over every published flight per request.
  const calls = await db
    .select({ area: pubBreakdowns.key, n: pubBreakdowns.count })
    .from(pubBreakdowns)
    .where(
      and(
        eq(pubBreakdowns.dataset, "drones"),
        eq(pubBreakdowns.breakdown, "area"),
        eq(pubBreakdowns.period, "since_launch"),
        ne(pubBreakdowns.key, "*"),
      ),
    );
  const cams = await queryRows<{ area: string; n: number }>(
    db,
    sql`select area_slug as area, count(*)::int as n from pub_cameras where area_slug is not null and kind <> 'plate_reader' group by 1`,
  );
  const callMap = new Map(calls.map((c) => [c.area, c.n === null ? null : Number(c.n)]));
  const camMap = new Map(cams.map((c) => [c.area, Number(c.n)]));
  const areaFactors = rows.map((a) => ({
    slug: a.slug,
    name: a.name,
    values: {
      property_crime_rate: a.propertyCrimeRate,
      calls_per_1000: callsPer1000(callMap.has(a.slug) ? callMap.get(a.slug)! : 0, a.population),
      community_feedback_score: a.communityFeedbackScore,
      existing_public_cameras: camMap.get(a.slug) ?? 0,
    },
  }));
  return { weights, areas: areaFactors };
}

function callsPer1000(calls: number | null, population: number): number | null {
  return calls === null || population <= 0 ? null : (calls / population) * 1000;
}
