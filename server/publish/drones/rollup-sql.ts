import "server-only";
// SQL rollups of the flights that are past their publication delay, summed from their partials per
// local date (server/publish/drones/parts.ts), which are counted here from the flights. The privacy
// rules (suppression, minimum events for rates) are applied afterwards in TypeScript.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { queryRows } from "../../../db/sql";
import type { Cutoffs } from "./source";

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Published flights with their local time, time to scene (minutes), destination and sensitivity. */
export function baseFlights(c: Cutoffs, timeZone: string): SQL {
  return sql`select f.id, f.category, c.grouping, c.label, (f.sensitive or c.sensitive) as sens,
      f.launch_precision = 'day' as day_only,
      f.launched_at, f.landed_at, f.on_scene_at, f.outcome::text as outcome, f.first_on_scene,
      f.call_number is not null as linked, a.slug as area_slug, a.name as area_name,
      (f.launched_at at time zone ${timeZone}) as local_ts,
      extract(epoch from (f.on_scene_at - coalesce(f.dispatched_at, f.launched_at)))::float8 / 60 as tts,
      extract(epoch from (f.landed_at - f.launched_at))::float8 / 60 as dur,
      f.dest_lat, f.dest_lon
    from drone_flights f
    join call_categories c on c.code = f.category
    left join areas a on a.id = f.area_id
    where (not (f.sensitive or c.sensitive) and f.landed_at <= ${ts(c.normal)})
       or ((f.sensitive or c.sensitive) and f.landed_at <= ${ts(c.sensitive)})`;
}

export type Period = { name: "last30" | "since_launch"; from: Date | null; to: Date };

/** The flights launched in the period (its start excluded), as a condition on baseFlights' columns. */
export function inPeriod(p: Period): SQL {
  return p.from ? sql`launched_at > ${ts(p.from)} and launched_at <= ${ts(p.to)}` : sql`launched_at <= ${ts(p.to)}`;
}

/** The headline counts kept per date (dim "m"), as baseFlights' columns count them. */
const METRIC_COUNTS: [string, SQL][] = [
  ["n", sql`count(*)`],
  ["cleared", sql`count(*) filter (where outcome = 'cleared_no_patrol')`],
  ["fos_n", sql`count(*) filter (where first_on_scene is not null and on_scene_at is not null)`],
  ["fos", sql`count(*) filter (where first_on_scene and on_scene_at is not null)`],
  ["linked", sql`count(*) filter (where linked)`],
  ["sensitive", sql`count(*) filter (where sens)`],
  ["tts_n", sql`count(tts)`],
];

/**
 * The counts partial rows (local_date, dim, key, label, n) of `rows`, a select of baseFlights'
 * columns. Keys and labels are those the whole-record rollups grouped by (hour of day and area leave
 * sensitive flights out; hour of day also flights known only by the date).
 */
export function countRowsSql(rows: SQL): SQL {
  const m = sql.join(
    METRIC_COUNTS.map(([, agg], i) => sql`(${agg})::int as ${sql.raw(`c${i}`)}`),
    sql`, `,
  );
  const unpivot = sql.join(
    METRIC_COUNTS.map(([name], i) => sql`(${name}::text, x.${sql.raw(`c${i}`)})`),
    sql`, `,
  );
  const dur = sql`(case when dur < 10 then '0' when dur < 20 then '10' when dur < 30 then '20' when dur < 45 then '30' when dur < 60 then '45' else '60' end)`;
  const hour = sql`extract(hour from local_ts)::int::text`;
  return sql`with b as materialized (select *, local_ts::date as d from (${rows}) r)
    select x.d, 'm', v.key, '', v.n from (select d, ${m} from b group by d) x cross join lateral (values ${unpivot}) as v(key, n)
    union all select d, 'category', category, min(label), count(*)::int from b group by d, category
    union all select d, 'outcome', outcome, outcome, count(*)::int from b group by d, outcome
    union all select d, 'hour', ${hour}, ${hour}, count(*)::int from b where not sens and not day_only group by d, ${hour}
    union all select d, 'duration', ${dur}, '', count(*)::int from b group by d, ${dur}
    union all select d, 'area', coalesce(area_slug, 'unknown'), coalesce(min(area_name), 'Unknown'), count(*)::int
      from b where not sens group by d, coalesce(area_slug, 'unknown')
    union all select d, 'group', grouping, grouping, count(*)::int from b group by d, grouping`;
}

/** The times-to-scene partial rows (local_date, category, tts, n) of `rows`, a select of baseFlights' columns. */
export function ttsRowsSql(rows: SQL): SQL {
  return sql`select (local_ts)::date, category, tts, count(*)::int from (${rows}) r where tts is not null group by 1, 2, 3`;
}

/**
 * One period's partial rows (server/publish/drones/parts.ts): those of the dates wholly inside it,
 * read from the partial tables, and those of its edge dates, counted from the flights.
 * `counts` has the columns (local_date, dim, key, label, n), `tts` (local_date, category, tts, n).
 */
export type PeriodSource = { counts: SQL; tts: SQL };

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

/**
 * Each time to scene as often as it was counted (times are kept to the millisecond, so nearly every
 * count is 1: those rows are taken as they are): medians over these are those of the flights themselves.
 */
const eachTts = (src: PeriodSource) => sql`(select local_date, category, tts from (${src.tts}) s where n = 1
  union all select local_date, category, tts from (${src.tts}) s cross join lateral generate_series(1, s.n) as one where n > 1)`;

/** The period's headline counts and its first and last dates with flights (medians: ttsMedians). */
export async function metricsSql(tx: DbOrTx, src: Pick<PeriodSource, "counts">): Promise<Omit<MetricRow, "tts_med">> {
  const sum = (key: string) => sql`coalesce(sum(n) filter (where key = ${key}), 0)::int`;
  const [r] = await queryRows<Omit<MetricRow, "tts_med">>(
    tx,
    sql`select ${sum("n")} as n, ${sum("cleared")} as cleared, ${sum("fos_n")} as fos_n, ${sum("fos")} as fos,
      ${sum("linked")} as linked, ${sum("sensitive")} as sensitive, ${sum("tts_n")} as tts_n,
      to_char(min(local_date) filter (where key = 'n' and n > 0), 'YYYY-MM-DD') as first_day,
      to_char(max(local_date) filter (where key = 'n' and n > 0), 'YYYY-MM-DD') as last_day
    from (${src.counts}) c where dim = 'm'`,
  );
  return r;
}

export type MedianRow = { key: string; label: string; n: number; med: number | null };

/**
 * The period's median time to scene, and (`byGroup`) its medians by month and by category, in one
 * pass over the times (grouping sets), each group in key order.
 */
export async function ttsMedians(
  tx: DbOrTx,
  src: Pick<PeriodSource, "tts">,
  byGroup: boolean,
): Promise<{ all: { n: number; med: number | null }; months: MedianRow[]; categories: MedianRow[] }> {
  const sets = byGroup ? sql`grouping sets ((), (s.month), (s.category))` : sql`grouping sets (())`;
  const rows = await queryRows<MedianRow & { g: number }>(
    tx,
    sql`select m.g, coalesce(m.month, m.category, '') as key, coalesce(m.month, c.label, '') as label, m.n, m.med
    from (select ${byGroup ? sql`s.month, s.category, grouping(s.month, s.category)` : sql`null::text, null::text, 3`} as g,
        count(*)::int as n, (percentile_cont(0.5) within group (order by s.tts))::float8 as med
      from (select to_char(e.local_date, 'YYYY-MM') as month, e.category, e.tts from ${eachTts(src as PeriodSource)} e) s
      group by ${sets}) as m(month, category, g, n, med)
    left join call_categories c on c.code = m.category
    order by m.g, 2`,
  );
  const of = (g: number) => rows.filter((r) => r.g === g).map(({ g: _, ...r }) => ({ ...r, n: Number(r.n) }));
  const [all] = of(3);
  return {
    all: all ? { n: all.n, med: all.med === null ? null : Number(all.med) } : { n: 0, med: null },
    months: of(1),
    categories: of(2),
  };
}

export type KeyCount = { key: string; label: string; n: number };

type By = "category" | "outcome" | "area" | "hour" | "duration";

/** The period's flights counted by each of `bys` (partial dims of the same names), in key order. */
export async function sumCountsBy<B extends By>(
  tx: DbOrTx,
  src: Pick<PeriodSource, "counts">,
  bys: B[],
): Promise<Record<B, KeyCount[]>> {
  const rows = await queryRows<KeyCount & { dim: B }>(
    tx,
    sql`select dim, key, min(label) as label, sum(n)::int as n from (${src.counts}) c
      where dim = any(${`{${bys.join(",")}}`}::text[]) group by dim, key order by dim, key`,
  );
  const out = Object.fromEntries(bys.map((by) => [by, [] as KeyCount[]])) as Record<B, KeyCount[]>;
  for (const { dim, ...r } of rows) out[dim].push({ ...r, n: Number(r.n) });
  return out;
}

export async function weekByGroup(
  tx: DbOrTx,
  src: PeriodSource,
): Promise<{ week: string; grouping: string; n: number }[]> {
  return queryRows(
    tx,
    sql`select to_char(date_trunc('week', local_date::timestamp), 'YYYY-MM-DD') as week, key as grouping, sum(n)::int as n
    from (${src.counts}) c where dim = 'group' group by 1, 2 order by 1, 2`,
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
