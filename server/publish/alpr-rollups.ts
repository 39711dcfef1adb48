import "server-only";
// Plate-reader rollups: searches per week by reason and by case link, breakdowns per period,
// detections and hotlist hits (daily reader counts) and the headline numbers residents ask for.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { countGroupingsDated, countsByKeys, type GroupCount } from "./grouping-sets";
import { ALPR_REASONS, ALPR_REASON_LABELS, labelOf, offenseLabel } from "../../lib/cameras/vocab";
import {
  safeShare,
  seriesBreakdown,
  tableBreakdown,
  weekKeys,
  type BreakdownRow,
  type Keyed,
  type MetricRow,
  insertRollups,
} from "./rollups";
import type { CamPeriod } from "./cameras-rollups";
import { localDate } from "../../lib/time";
import { suppressCount } from "../../lib/publish/rules/suppression";

/** The keys the plate-reader rollups group the published searches by. */
export const ALPR_DIMS: Record<string, SQL> = {
  week: sql`week_start`,
  reason: sql`reason`,
  linked: sql`case when linked_to_case then 'yes' else 'no' end`,
  multi: sql`case when network_count > 1 then 'yes' else 'no' end`,
  offense: sql`offense_type`,
  agency: sql`agency`,
  user: sql`user_pseudonym`,
};
/** The scans every grouping is summed from; the partial counts are kept per scan and date. */
export const ALPR_SCANS = [["week", "reason", "linked", "multi"], ["offense", "agency"], ["user"]];

/** Every grouping the rollups need for one period, summed from the searches' partial counts. */
function periodGroups(tx: DbOrTx, log: SearchLog, p: CamPeriod) {
  return countGroupingsDated(
    tx,
    { ...log, from: p.from, to: p.to },
    ALPR_DIMS,
    {
      weekReason: ["week", "reason"],
      weekCase: ["week", "linked"],
      reason: ["reason"],
      linked: ["linked"],
      multi: ["multi"],
      offense: ["offense"],
      agency: ["agency"],
      user: ["user"],
    },
    ALPR_SCANS,
  );
}
/** The published searches this publication wrote and their partial counts (grouping-sets.ts). */
export type SearchLog = { table: string; partials: string; timeZone: string };

const nOf = (rows: GroupCount[], key: string) => rows.find((r) => r.k1 === key)?.n ?? 0;
const byCount = (a: GroupCount, b: GroupCount) => b.n - a.n || a.k1.localeCompare(b.k1);

/** Rollups of the published searches (the table this publication is writing). */
export async function publishAlprRollups(
  tx: DbOrTx,
  log: SearchLog,
  periods: CamPeriod[],
): Promise<{ rows: number; suppressed: number }> {
  const timeZone = log.timeZone;
  const out: BreakdownRow[] = [];
  const metrics: MetricRow[] = [];
  let suppressed = 0;
  const add = (b: { rows: BreakdownRow[]; suppressed: number }) => {
    out.push(...b.rows);
    suppressed += b.suppressed;
  };
  const groups = new Map<string, Awaited<ReturnType<typeof periodGroups>>>();
  for (const p of periods) groups.set(p.name, await periodGroups(tx, log, p));
  const all = periods.find((p) => p.name === "since_launch")!;
  const g = groups.get(all.name)!;
  const weekList = g.weekReason.map((r) => r.k1).sort();
  const weeks = weekList.length ? weekKeys(weekList[0], weekList[weekList.length - 1]) : [];
  // Purposes are call categories (dozens): only those some search has are charted.
  const seen = new Set(g.reason.filter((r) => r.n > 0).map((r) => r.k1));
  const reasons: Keyed[] = ALPR_REASONS.filter((r) => seen.has(r)).map((r) => ({
    key: r,
    label: labelOf(ALPR_REASON_LABELS, r),
  }));
  add(tableBreakdown("alpr", "week_reason", all.name, weeks, reasons, countsByKeys(g.weekReason)));
  const caseCounts = countsByKeys(g.weekCase);
  add(
    tableBreakdown(
      "alpr",
      "week_case",
      all.name,
      weeks,
      [
        { key: "yes", label: "Linked to a case" },
        { key: "no", label: "No case number" },
      ],
      caseCounts,
    ),
  );

  // Reader counts by day: detections and hotlist hits, per week since launch.
  const toDay = localDate(all.to, timeZone);
  const fromDay = localDate(all.from, timeZone);
  const daily = await queryRows<{ week: string; det: number; hits: number }>(
    tx,
    sql`
    select date_trunc('week', day)::date::text as week, sum(detections)::int as det, sum(hotlist_hits)::int as hits
    from alpr_daily_counts where day >= ${fromDay}::date and day <= ${toDay}::date group by 1 order by 1`,
  );
  add(
    seriesBreakdown(
      "alpr",
      "week_detections",
      all.name,
      daily.map((d) => ({ key: d.week, label: d.week, n: d.det })),
      "All detections",
    ),
  );
  add(
    seriesBreakdown(
      "alpr",
      "week_hits",
      all.name,
      daily.map((d) => ({ key: d.week, label: d.week, n: d.hits })),
      "All hotlist hits",
    ),
  );

  for (const p of periods) {
    const pg = groups.get(p.name)!;
    add(
      seriesBreakdown(
        "alpr",
        "reason",
        p.name,
        reasons.map((k) => ({ ...k, n: nOf(pg.reason, k.key) })),
        "All searches",
      ),
    );
    add(
      seriesBreakdown(
        "alpr",
        "offense",
        p.name,
        [...pg.offense].sort(byCount).map((r) => ({ key: r.k1, label: offenseLabel(r.k1), n: r.n })),
        "All searches",
      ),
    );
    add(
      seriesBreakdown(
        "alpr",
        "agency",
        p.name,
        [...pg.agency].sort(byCount).map((r) => ({ key: r.k1, label: r.k1, n: r.n })),
        "All searches",
      ),
    );
    const m = {
      n: pg.reason.reduce((a, r) => a + r.n, 0),
      linked: nOf(pg.linked, "yes"),
      users: pg.user.length,
      multi: nOf(pg.multi, "yes"),
    };
    const [d] = await queryRows<{ det: number | null; hits: number | null }>(
      tx,
      sql`
      select sum(detections)::int as det, sum(hotlist_hits)::int as hits from alpr_daily_counts
      where day > ${localDate(p.from, timeZone)}::date and day <= ${toDay}::date`,
    );
    const meta = {
      dataset: "alpr" as const,
      period: p.name,
      periodStart: localDate(p.from, timeZone),
      periodEnd: toDay,
    };
    const count = (metric: string, v: number) => {
      const c = suppressCount(v);
      metrics.push({ ...meta, metric, value: c.value, n: c.value, suppressed: c.suppressed });
    };
    const share = (metric: string, part: number) => {
      const v = safeShare(part, m.n);
      metrics.push({ ...meta, metric, value: v, n: suppressCount(m.n).value, suppressed: v === null });
    };
    count("searches", m.n);
    count("users", m.users);
    count("detections", d.det ?? 0);
    count("hotlist_hits", d.hits ?? 0);
    share("share_linked_to_case", m.linked);
    share("share_multi_network", m.multi);
  }
  await insertRollups(tx, { breakdowns: out, metrics });
  return { rows: out.length + metrics.length, suppressed };
}
