import "server-only";
// Headline figures computed straight from the RAW tables with the publication rules' definitions
// (delay cut-offs, pilot start). Used by operators (`daylight stats`) and by the end-to-end test
// that checks the home page against the database through an independent code path.
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { publicationRuns } from "../schema";
import { queryRows } from "../sql";

export type RawHeadline = {
  /** The publication the figures are computed for. */
  runId: number;
  asOf: string;
  flightsSinceLaunch: number;
  flightsLast30: number;
  medianTimeToSceneMinSinceLaunch: number | null;
  shareClearedNoPatrolSinceLaunch: number | null;
};

export async function rawHeadline({
  db,
  pilotStart,
  normalDelayHours,
  sensitiveDelayHours,
}: {
  db: DbOrTx;
  pilotStart: Date;
  normalDelayHours: number;
  sensitiveDelayHours: number;
}): Promise<RawHeadline | null> {
  const [run] = await db
    .select({ id: publicationRuns.id, asOf: publicationRuns.asOf })
    .from(publicationRuns)
    .where(eq(publicationRuns.status, "succeeded"))
    .orderBy(desc(publicationRuns.id))
    .limit(1);
  if (!run) return null;
  const normal = new Date(run.asOf.getTime() - normalDelayHours * 3600_000).toISOString();
  const sensitive = new Date(run.asOf.getTime() - sensitiveDelayHours * 3600_000).toISOString();
  const last30 = new Date(run.asOf.getTime() - normalDelayHours * 3600_000 - 30 * 86400_000).toISOString();
  const [r] = await queryRows<{ since: number; last30: number; med: number | null; cleared: number }>(
    db,
    sql`
    with f as (
      select d.launched_at, d.outcome,
        extract(epoch from (d.on_scene_at - coalesce(d.dispatched_at, d.launched_at))) / 60.0 as tts
      from drone_flights d join call_categories c on c.code = d.category
      where d.launched_at > ${pilotStart.toISOString()}::timestamptz and d.launched_at <= ${normal}::timestamptz
        and case when d.sensitive or c.sensitive then d.landed_at <= ${sensitive}::timestamptz
                 else d.landed_at <= ${normal}::timestamptz end
    )
    select count(*)::int as since,
      count(*) filter (where launched_at > ${last30}::timestamptz)::int as last30,
      (percentile_cont(0.5) within group (order by tts))::float8 as med,
      count(*) filter (where outcome = 'cleared_no_patrol')::int as cleared
    from f`,
  );
  return {
    runId: run.id,
    asOf: run.asOf.toISOString(),
    flightsSinceLaunch: r.since,
    flightsLast30: r.last30,
    medianTimeToSceneMinSinceLaunch: r.med,
    shareClearedNoPatrolSinceLaunch: r.since ? r.cleared / r.since : null,
  };
}
