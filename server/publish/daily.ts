import "server-only";
// Per-day counts and value histograms for the council scorecard (pub_daily_counts,
// pub_daily_values, and the histograms per month in pub_monthly_values), computed in SQL from a published row table this publication has just
// written, so every number is one residents could recount from the published rows.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { DailyDataset } from "../../lib/vocab";
import { FULL, type Scope } from "../../lib/publish/incremental";

export type DailySpec = {
  /** Aggregates over one day's published rows, by metric name. */
  counts: Record<string, SQL>;
  /** Columns whose per-day distribution is kept (nulls left out), by metric name. */
  values?: Record<string, SQL>;
};

/** What the scorecard needs from each dataset; db/queries/public/council.ts reads these names. */
export const dailySpecs = {
  drones: {
    counts: {
      n: sql`count(*)`,
      n_tts: sql`count(time_to_scene_min)`,
      hits: sql`count(*) filter (where outcome = 'cleared_no_patrol')`,
      n_out: sql`count(outcome)`,
      fos: sql`count(*) filter (where first_on_scene)`,
      n_fos: sql`count(first_on_scene)`,
    },
    values: { tts: sql`time_to_scene_min` },
  },
  cameras: { counts: { n: sql`count(*)`, hits: sql`count(*) filter (where linked_to_case)` } },
  alpr: { counts: { n: sql`count(*)`, hits: sql`count(*) filter (where linked_to_case)` } },
  cso: {
    counts: {
      n: sql`count(*)`,
      n_resp: sql`count(response_min)`,
      no_sworn: sql`count(*) filter (where not sworn_backup_requested)`,
    },
    values: { response: sql`response_min` },
  },
} satisfies Record<DailyDataset, DailySpec>;

/**
 * Replaces `dataset`'s daily rows with those of the published rows in `table`: all of them, or
 * (incremental publication) those of the scope's dates, and the months those dates fall in.
 */
export async function publishDaily(
  tx: DbOrTx,
  dataset: DailyDataset,
  table: string,
  scope: Scope = FULL("every date"),
): Promise<void> {
  const spec: DailySpec = dailySpecs[dataset];
  const days = scope.full ? null : `{${scope.days.join(",")}}`;
  const months = scope.full ? null : `{${[...new Set(scope.days.map((d) => `${d.slice(0, 7)}-01`))].join(",")}}`;
  const onDays = days === null ? sql`` : sql` and local_date = any(${days}::date[])`;
  const onMonths = months === null ? sql`` : sql` and month = any(${months}::date[])`;
  const inMonths = months === null ? sql`` : sql` and date_trunc('month', local_date)::date = any(${months}::date[])`;
  const src =
    days === null ? sql.identifier(table) : sql`(select * from ${sql.identifier(table)} where true${onDays}) as scoped`;
  await tx.execute(sql`delete from pub_daily_counts where dataset = ${dataset}${onDays}`);
  await tx.execute(sql`delete from pub_daily_values where dataset = ${dataset}${onDays}`);
  await tx.execute(sql`delete from pub_monthly_values where dataset = ${dataset}${onMonths}`);
  const metrics = Object.entries(spec.counts);
  const aggs = sql.join(
    metrics.map(([, agg], i) => sql`(${agg})::int as ${sql.raw(`c${i}`)}`),
    sql`, `,
  );
  const unpivot = sql.join(
    metrics.map(([name], i) => sql`(${name}::text, d.${sql.raw(`c${i}`)})`),
    sql`, `,
  );
  await tx.execute(sql`insert into pub_daily_counts (dataset, metric, local_date, n)
    select ${dataset}, m.metric, d.local_date, m.n
    from (select local_date, ${aggs} from ${src} group by local_date) d
    cross join lateral (values ${unpivot}) as m(metric, n)`);
  for (const [name, col] of Object.entries(spec.values ?? {})) {
    await tx.execute(sql`insert into pub_daily_values (dataset, metric, local_date, value, n)
      select ${dataset}, ${name}, local_date, (${col})::real, count(*)::int from ${src}
      where (${col}) is not null group by local_date, (${col})::real`);
    await tx.execute(sql`insert into pub_monthly_values (dataset, metric, month, value, n)
      select dataset, metric, date_trunc('month', local_date)::date, value, sum(n)::int from pub_daily_values
      where dataset = ${dataset} and metric = ${name}${inMonths} group by 1, 2, 3, 4`);
  }
  // Planner statistics now, not when autovacuum gets to it: the scorecard reads these at once.
  await tx.execute(sql`analyze pub_daily_counts, pub_daily_values, pub_monthly_values`);
}
