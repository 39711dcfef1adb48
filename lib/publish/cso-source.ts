// Reading raw CSO calls for publication: only calls past their 7-day delay, and never the
// columns that must not leave the raw tables (officer, call number, narrative, exact time).
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { areas, callCategories, csoActivities } from "../../db/schema";
import { queryRows } from "../../db/sql";

export type SourceCall = {
  id: number;
  source: string;
  externalId: string;
  category: string;
  label: string;
  sensitive: boolean;
  callSource: string;
  receivedAt: Date;
  onSceneAt: Date | null;
  clearedAt: Date | null;
  areaSlug: string | null;
  areaName: string | null;
  lat: number | null;
  lon: number | null;
  outcome: string;
  referrals: string[];
  reportWritten: boolean;
  fingerprintsCollected: boolean;
  dnaCollected: boolean;
  swornBackupRequested: boolean;
};

/** When a call is over: cleared, else on scene, else received. It publishes 7 days after. */
const endedAt = sql`coalesce(${csoActivities.clearedAt}, ${csoActivities.onSceneAt}, ${csoActivities.receivedAt})`;

export async function loadCalls(tx: DbOrTx, cutoff: Date): Promise<SourceCall[]> {
  const rows = await tx
    .select({
      id: csoActivities.id, source: csoActivities.source, externalId: csoActivities.externalId,
      category: csoActivities.category, label: callCategories.label, sensitive: callCategories.sensitive,
      callSource: csoActivities.callSource, receivedAt: csoActivities.receivedAt, onSceneAt: csoActivities.onSceneAt, clearedAt: csoActivities.clearedAt,
      areaSlug: areas.slug, areaName: areas.name, lat: csoActivities.lat, lon: csoActivities.lon, outcome: csoActivities.outcome,
      referrals: csoActivities.referrals, reportWritten: csoActivities.reportWritten, fingerprintsCollected: csoActivities.fingerprintsCollected,
      dnaCollected: csoActivities.dnaCollected, swornBackupRequested: csoActivities.swornBackupRequested,
    })
    .from(csoActivities)
    .innerJoin(callCategories, eq(callCategories.code, csoActivities.category))
    .leftJoin(areas, eq(areas.id, csoActivities.areaId))
    .where(sql`${endedAt} <= ${cutoff.toISOString()}::timestamptz`)
    .orderBy(asc(csoActivities.id));
  return rows.map((r) => ({ ...r, callSource: String(r.callSource), outcome: String(r.outcome), referrals: r.referrals ?? [] }));
}

export type BaselineRow = { key: string; label: string; n: number; med: number | null; clear_med: number | null };

/**
 * Pre-pilot patrol responses to CSO-type calls: overall, by category, and by month shifted one
 * year forward (so each pilot month sits beside the same month a year earlier).
 */
export async function loadBaseline(tx: DbOrTx, timeZone: string): Promise<{ overall: BaselineRow & { first_day: string | null; last_day: string | null }; byCategory: BaselineRow[]; byMonth: BaselineRow[] }> {
  const agg = sql`count(on_scene_at)::int as n,
    (percentile_cont(0.5) within group (order by extract(epoch from (on_scene_at - received_at)) / 60.0))::float8 as med,
    (percentile_cont(0.5) within group (order by extract(epoch from (cleared_at - received_at)) / 60.0))::float8 as clear_med`;
  const [overall] = await queryRows<BaselineRow & { first_day: string | null; last_day: string | null }>(tx, sql`select '*' as key, 'All calls' as label, ${agg},
      to_char(min(received_at at time zone ${timeZone}), 'YYYY-MM-DD') as first_day, to_char(max(received_at at time zone ${timeZone}), 'YYYY-MM-DD') as last_day
    from baseline_responses where program = 'cso'`);
  const byCategory = await queryRows<BaselineRow>(tx, sql`select b.category as key, min(c.label) as label, ${agg}
    from baseline_responses b join call_categories c on c.code = b.category where b.program = 'cso' group by 1 order by 1`);
  const byMonth = (await queryRows<BaselineRow>(tx, sql`select to_char((received_at at time zone ${timeZone}) + interval '1 year', 'YYYY-MM') as key, ${agg}
    from baseline_responses where program = 'cso' group by 1 order by 1`)).map((r) => ({ ...r, label: r.key }));
  const num = (r: BaselineRow): BaselineRow => ({ ...r, n: Number(r.n), med: r.med === null ? null : Number(r.med), clear_med: r.clear_med === null ? null : Number(r.clear_med) });
  return { overall: { ...overall, ...num(overall) }, byCategory: byCategory.map(num), byMonth: byMonth.map(num) };
}
