import "server-only";
// SQL rollups over the raw flights that are past their publication delay. The privacy rules
// (suppression, minimum events for rates) are applied afterwards in TypeScript.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { queryRows } from "../../../db/sql";
import type { Cutoffs } from "./source";

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Published flights with their local time, time to scene (minutes) and sensitivity. */
export function baseFlights(c: Cutoffs, timeZone: string): SQL {
  return sql`select f.id, f.category, c.grouping, c.label, (f.sensitive or c.sensitive) as sens,
      f.launch_precision = 'day' as day_only,
      f.launched_at, f.landed_at, f.on_scene_at, f.outcome::text as outcome, f.first_on_scene,
      f.call_number is not null as linked, a.slug as area_slug, a.name as area_name,
      (f.launched_at at time zone ${timeZone}) as local_ts,
      extract(epoch from (f.on_scene_at - coalesce(f.dispatched_at, f.launched_at)))::float8 / 60 as tts,
      extract(epoch from (f.landed_at - f.launched_at))::float8 / 60 as dur
    from drone_flights f
    join call_categories c on c.code = f.category
    left join areas a on a.id = f.area_id
    where (not (f.sensitive or c.sensitive) and f.landed_at <= ${ts(c.normal)})
       or ((f.sensitive or c.sensitive) and f.landed_at <= ${ts(c.sensitive)})`;
}

export type Period = { name: "last30" | "since_launch"; from: Date | null; to: Date };

function inPeriod(p: Period): SQL {
  return p.from ? sql`launched_at > ${ts(p.from)} and launched_at <= ${ts(p.to)}` : sql`launched_at <= ${ts(p.to)}`;
}

export type MetricRow = {
  n: number;
  cleared: number;
  fos_n: number;
  fos: number;
  linked: number;
  sensitive: number;
  tts_n: number;
  tts_med: number | null;
  first_day: string | null;
  last_day: string | null;
};

export async function metricsSql(tx: DbOrTx, base: SQL, p: Period): Promise<MetricRow> {
  const [r] = await queryRows<MetricRow>(
    tx,
    sql`with b as (${base}) select
      count(*)::int as n,
      count(*) filter (where outcome = 'cleared_no_patrol')::int as cleared,
      count(*) filter (where first_on_scene is not null and on_scene_at is not null)::int as fos_n,
      count(*) filter (where first_on_scene and on_scene_at is not null)::int as fos,
      count(*) filter (where linked)::int as linked,
      count(*) filter (where sens)::int as sensitive,
      count(tts)::int as tts_n,
      (percentile_cont(0.5) within group (order by tts))::float8 as tts_med,
      to_char(min(local_ts), 'YYYY-MM-DD') as first_day,
      to_char(max(local_ts), 'YYYY-MM-DD') as last_day
    from b where ${inPeriod(p)}`,
  );
  return { ...r, tts_med: r.tts_med === null ? null : Number(r.tts_med) };
}

export type KeyCount = { key: string; label: string; n: number };

type By = "category" | "outcome" | "area" | "hour" | "duration";

const BY_EXPR: Record<By, SQL> = {
  category: sql`category as key, min(label) as label`,
  outcome: sql`outcome as key, outcome as label`,
  area: sql`coalesce(area_slug, 'unknown') as key, coalesce(min(area_name), 'Unknown') as label`,
  hour: sql`extract(hour from local_ts)::int::text as key, extract(hour from local_ts)::int::text as label`,
  duration: sql`(case when dur < 10 then '0' when dur < 20 then '10' when dur < 30 then '20' when dur < 45 then '30' when dur < 60 then '45' else '60' end) as key, '' as label`,
};

/**
 * The period's flights counted by each of `bys`: the flights are read once (a materialized CTE)
 * and each grouping counts them from memory, instead of a pass over the published flights per grouping.
 */
export async function countsBy<B extends By>(
  tx: DbOrTx,
  base: SQL,
  p: Period,
  bys: B[],
): Promise<Record<B, KeyCount[]>> {
  // Hour of day and area would place sensitive flights finer than the rules allow: left out. Flights
  // whose source gives only the date have no hour of day: left out of that one too.
  const where: Partial<Record<By, SQL>> = {
    hour: sql` where not sens and not day_only`,
    area: sql` where not sens`,
  };
  const branch = (by: B, i: number) =>
    sql`select ${sql.raw(String(i))} as g, * from (select ${BY_EXPR[by]}, count(*)::int as n from b${where[by] ?? sql``} group by 1) s${sql.raw(String(i))}`;
  const rows = await queryRows<KeyCount & { g: number }>(
    tx,
    sql`with b as materialized (select * from (${base}) all_flights where ${inPeriod(p)})
    ${sql.join(bys.map(branch), sql` union all `)} order by 1, 2`,
  );
  const out = Object.fromEntries(bys.map((by) => [by, [] as KeyCount[]])) as Record<B, KeyCount[]>;
  for (const { g, ...r } of rows) out[bys[g]].push(r);
  return out;
}

export async function weekByGroup(
  tx: DbOrTx,
  base: SQL,
  p: Period,
): Promise<{ week: string; grouping: string; n: number }[]> {
  return queryRows(
    tx,
    sql`with b as (${base}) select to_char(date_trunc('week', local_ts), 'YYYY-MM-DD') as week, grouping, count(*)::int as n
    from b where ${inPeriod(p)} group by 1, 2 order by 1, 2`,
  );
}

export type MedianRow = { key: string; label: string; n: number; med: number | null };

export async function ttsByMonth(tx: DbOrTx, base: SQL, p: Period): Promise<MedianRow[]> {
  return queryRows<MedianRow>(
    tx,
    sql`with b as (${base}) select to_char(local_ts, 'YYYY-MM') as key, to_char(local_ts, 'YYYY-MM') as label,
    count(tts)::int as n, (percentile_cont(0.5) within group (order by tts))::float8 as med
    from b where ${inPeriod(p)} and tts is not null group by 1, 2 order by 1`,
  );
}

export async function ttsByCategory(tx: DbOrTx, base: SQL, p: Period): Promise<MedianRow[]> {
  return queryRows<MedianRow>(
    tx,
    sql`with b as (${base}) select category as key, min(label) as label,
    count(tts)::int as n, (percentile_cont(0.5) within group (order by tts))::float8 as med
    from b where ${inPeriod(p)} and tts is not null group by 1 order by 1`,
  );
}

/** The pre-pilot patrol response times for the categories drones are sent to. */
export async function baselineByCategory(
  tx: DbOrTx,
  timeZone: string,
): Promise<(MedianRow & { first_day: string | null; last_day: string | null })[]> {
  return queryRows(
    tx,
    sql`select b.category as key, min(c.label) as label, count(*)::int as n,
      (percentile_cont(0.5) within group (order by extract(epoch from (b.on_scene_at - b.received_at))::float8 / 60))::float8 as med,
      to_char(min(b.received_at at time zone ${timeZone}), 'YYYY-MM-DD') as first_day,
      to_char(max(b.received_at at time zone ${timeZone}), 'YYYY-MM-DD') as last_day
    from baseline_responses b join call_categories c on c.code = b.category
    where b.program = 'drones' and b.on_scene_at is not null
    group by 1 order by 1`,
  );
}

export async function baselineOverall(
  tx: DbOrTx,
  timeZone: string,
): Promise<{ n: number; med: number | null; first_day: string | null; last_day: string | null }> {
  const [r] = await queryRows<{ n: number; med: number | null; first_day: string | null; last_day: string | null }>(
    tx,
    sql`select count(*)::int as n,
      (percentile_cont(0.5) within group (order by extract(epoch from (on_scene_at - received_at))::float8 / 60))::float8 as med,
      to_char(min(received_at at time zone ${timeZone}), 'YYYY-MM-DD') as first_day,
      to_char(max(received_at at time zone ${timeZone}), 'YYYY-MM-DD') as last_day
    from baseline_responses where program = 'drones' and on_scene_at is not null`,
  );
  return r;
}
