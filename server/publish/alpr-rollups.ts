import "server-only";
// Plate-reader rollups: searches per week by reason and by case link, breakdowns per period,
// detections and hotlist hits (daily reader counts) and the headline numbers residents ask for.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
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

type KN = { k1: string; k2: string; n: number };
const inPeriod = (p: CamPeriod): SQL =>
  sql`hour >= ${p.from.toISOString()}::timestamptz and hour <= ${p.to.toISOString()}::timestamptz`;
const group = (tx: DbOrTx, table: string, k1: SQL, k2: SQL, where: SQL) =>
  queryRows<KN>(
    tx,
    sql`select ${k1}::text as k1, ${k2}::text as k2, count(*)::int as n from ${sql.identifier(table)} where ${where} group by 1, 2`,
  );
const byKeys = (rows: KN[]) => new Map(rows.map((r) => [`${r.k1}|${r.k2}`, r.n]));

/** Rollups of the published searches in `table` (the one this publication is writing). */
export async function publishAlprRollups(
  tx: DbOrTx,
  table: string,
  periods: CamPeriod[],
  timeZone: string,
): Promise<{ rows: number; suppressed: number }> {
  const out: BreakdownRow[] = [];
  const metrics: MetricRow[] = [];
  let suppressed = 0;
  const add = (b: { rows: BreakdownRow[]; suppressed: number }) => {
    out.push(...b.rows);
    suppressed += b.suppressed;
  };
  const all = periods.find((p) => p.name === "since_launch")!;
  const [span] = await queryRows<{ first: string | null; last: string | null }>(
    tx,
    sql`select min(week_start)::text as first, max(week_start)::text as last from ${sql.identifier(table)} where ${inPeriod(all)}`,
  );
  const weeks = span.first && span.last ? weekKeys(span.first, span.last) : [];
  // Purposes are call categories (dozens): only those some search has are charted.
  const seen = new Set(
    (await group(tx, table, sql`reason`, sql`''`, inPeriod(all))).filter((r) => r.n > 0).map((r) => r.k1),
  );
  const reasons: Keyed[] = ALPR_REASONS.filter((r) => seen.has(r)).map((r) => ({
    key: r,
    label: labelOf(ALPR_REASON_LABELS, r),
  }));
  add(
    tableBreakdown(
      "alpr",
      "week_reason",
      all.name,
      weeks,
      reasons,
      byKeys(await group(tx, table, sql`week_start`, sql`reason`, inPeriod(all))),
    ),
  );
  const caseCounts = byKeys(
    await group(tx, table, sql`week_start`, sql`case when linked_to_case then 'yes' else 'no' end`, inPeriod(all)),
  );
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
    const rs = await group(tx, table, sql`reason`, sql`''`, inPeriod(p));
    add(
      seriesBreakdown(
        "alpr",
        "reason",
        p.name,
        reasons.map((k) => ({ ...k, n: rs.find((r) => r.k1 === k.key)?.n ?? 0 })),
        "All searches",
      ),
    );
    const off = (await group(tx, table, sql`offense_type`, sql`''`, inPeriod(p))).sort(
      (a, b) => b.n - a.n || a.k1.localeCompare(b.k1),
    );
    add(
      seriesBreakdown(
        "alpr",
        "offense",
        p.name,
        off.map((r) => ({ key: r.k1, label: offenseLabel(r.k1), n: r.n })),
        "All searches",
      ),
    );
    const ag = (await group(tx, table, sql`agency`, sql`''`, inPeriod(p))).sort(
      (a, b) => b.n - a.n || a.k1.localeCompare(b.k1),
    );
    add(
      seriesBreakdown(
        "alpr",
        "agency",
        p.name,
        ag.map((r) => ({ key: r.k1, label: r.k1, n: r.n })),
        "All searches",
      ),
    );

    const [m] = await queryRows<{
      n: number;
      linked: number;
      users: number;
      multi: number;
      first: string | null;
      last: string | null;
    }>(
      tx,
      sql`
      select count(*)::int as n, count(*) filter (where linked_to_case)::int as linked, count(distinct user_pseudonym)::int as users,
        count(*) filter (where network_count > 1)::int as multi, min(local_date)::text as first, max(local_date)::text as last
      from ${sql.identifier(table)} where ${inPeriod(p)}`,
    );
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
