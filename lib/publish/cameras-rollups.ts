// Camera access rollups from the published access log: accesses per week by operation, by reason
// and by case link, breakdowns per period, top users by pseudonym, and headline metrics.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { insertJsonRows, queryRows } from "../../db/sql";
import { pubCameraBreakdowns, pubCameraMetrics } from "../../db/schema";
import { ACCESS_REASONS, ACCESS_REASON_LABELS, OPERATIONS, OPERATION_LABELS, ROLE_LABELS, labelOf } from "../cameras/vocab";
import { seriesBreakdown, safeShare, tableBreakdown, weekKeys, type BreakdownRow, type Keyed } from "./camera-rollups";
import { suppressCount } from "./rules/suppression";

export type CamPeriod = { name: "last30" | "since_launch"; from: Date; to: Date };
type KN = { k1: string; k2: string; n: number };
const TOP_USERS = 10;

const inPeriod = (p: CamPeriod): SQL => sql`hour >= ${p.from.toISOString()}::timestamptz and hour <= ${p.to.toISOString()}::timestamptz`;
const byKeys = (rows: KN[]) => new Map(rows.map((r) => [`${r.k1}|${r.k2}`, r.n]));
const keyed = (codes: readonly string[], labels: Record<string, string>): Keyed[] => codes.map((c) => ({ key: c, label: labelOf(labels, c) }));

async function group(tx: DbOrTx, k1: SQL, k2: SQL, where: SQL): Promise<KN[]> {
  return queryRows<KN>(tx, sql`select ${k1}::text as k1, ${k2}::text as k2, count(*)::int as n from pub_camera_accesses where ${where} group by 1, 2`);
}

export async function publishCameraRollups(tx: DbOrTx, periods: CamPeriod[]): Promise<{ rows: number; suppressed: number }> {
  const out: BreakdownRow[] = [];
  const metrics: (typeof pubCameraMetrics.$inferInsert)[] = [];
  let suppressed = 0;
  const add = (b: { rows: BreakdownRow[]; suppressed: number }) => { out.push(...b.rows); suppressed += b.suppressed; };

  const all = periods.find((p) => p.name === "since_launch")!;
  const [span] = await queryRows<{ first: string | null; last: string | null }>(tx,
    sql`select min(week_start)::text as first, max(week_start)::text as last from pub_camera_accesses where ${inPeriod(all)}`);
  const weeks = span.first && span.last ? weekKeys(span.first, span.last) : [];
  const w = sql`week_start`;
  add(tableBreakdown("cameras", "week_operation", all.name, weeks, keyed(OPERATIONS, OPERATION_LABELS), byKeys(await group(tx, w, sql`operation`, inPeriod(all)))));
  add(tableBreakdown("cameras", "week_reason", all.name, weeks, keyed(ACCESS_REASONS, ACCESS_REASON_LABELS), byKeys(await group(tx, w, sql`reason`, inPeriod(all)))));
  const caseCols: Keyed[] = [{ key: "yes", label: "Linked to a case" }, { key: "no", label: "No case number" }];
  const caseCounts = byKeys(await group(tx, w, sql`case when linked_to_case then 'yes' else 'no' end`, inPeriod(all)));
  const caseTable = tableBreakdown("cameras", "week_case", all.name, weeks, caseCols, caseCounts);
  // The weekly share without a case number rides on the row-total rows.
  for (const r of caseTable.rows) {
    if (r.key2 !== "*") continue;
    const no = r.key === "*" ? sumCol(caseCounts, "no") : (caseCounts.get(`${r.key}|no`) ?? 0);
    const total = r.key === "*" ? sumCol(caseCounts, "no") + sumCol(caseCounts, "yes") : no + (caseCounts.get(`${r.key}|yes`) ?? 0);
    r.value = safeShare(no, total);
  }
  add(caseTable);

  for (const p of periods) {
    const ops = await group(tx, sql`operation`, sql`''`, inPeriod(p));
    add(seriesBreakdown("cameras", "operation", p.name, keyed(OPERATIONS, OPERATION_LABELS).map((k) => ({ ...k, n: ops.find((o) => o.k1 === k.key)?.n ?? 0 })), "All accesses"));
    const reasons = await group(tx, sql`reason`, sql`''`, inPeriod(p));
    add(seriesBreakdown("cameras", "reason", p.name, keyed(ACCESS_REASONS, ACCESS_REASON_LABELS).map((k) => ({ ...k, n: reasons.find((o) => o.k1 === k.key)?.n ?? 0 })), "All accesses"));
    const ag = (await group(tx, sql`agency`, sql`''`, inPeriod(p))).sort((a, b) => b.n - a.n || a.k1.localeCompare(b.k1));
    add(seriesBreakdown("cameras", "agency", p.name, ag.map((r) => ({ key: r.k1, label: r.k1, n: r.n })), "All accesses"));
    const roles = (await group(tx, sql`user_role`, sql`''`, inPeriod(p))).sort((a, b) => b.n - a.n);
    add(seriesBreakdown("cameras", "role", p.name, roles.map((r) => ({ key: r.k1, label: labelOf(ROLE_LABELS, r.k1), n: r.n })), "All accesses"));
    add(await topUsers(tx, p));

    const [m] = await queryRows<{ n: number; linked: number; users: number; places: number; first: string | null; last: string | null }>(tx, sql`
      select count(*)::int as n, count(*) filter (where linked_to_case)::int as linked, count(distinct user_pseudonym)::int as users,
        count(distinct place)::int as places, min(local_date)::text as first, max(local_date)::text as last
      from pub_camera_accesses where ${inPeriod(p)}`);
    const meta = { dataset: "cameras" as const, period: p.name, periodStart: m.first, periodEnd: m.last };
    const count = (metric: string, v: number) => { const c = suppressCount(v); metrics.push({ ...meta, metric, value: c.value, n: c.value, suppressed: c.suppressed }); };
    const share = (metric: string, part: number) => { const v = safeShare(part, m.n); metrics.push({ ...meta, metric, value: v, n: suppressCount(m.n).value, suppressed: v === null }); };
    count("accesses", m.n);
    count("users", m.users);
    count("places", m.places);
    share("share_linked_to_case", m.linked);
    share("share_without_case", m.n - m.linked);
  }
  await insertJsonRows(tx, pubCameraBreakdowns, out);
  await tx.insert(pubCameraMetrics).values(metrics);
  return { rows: out.length + metrics.length, suppressed };
}

function sumCol(counts: Map<string, number>, col: string): number {
  let s = 0;
  for (const [k, n] of counts) if (k.endsWith(`|${col}`)) s += n;
  return s;
}

/** The most active pseudonymous users, plus "all other users", published with the total. */
async function topUsers(tx: DbOrTx, p: CamPeriod) {
  const users = await queryRows<{ user: string; role: string; agency: string; n: number }>(tx, sql`
    select user_pseudonym as user, mode() within group (order by user_role) as role, mode() within group (order by agency) as agency, count(*)::int as n
    from pub_camera_accesses where ${inPeriod(p)} group by 1 order by n desc, 1 limit ${TOP_USERS + 1}`);
  const [tot] = await queryRows<{ n: number; users: number }>(tx, sql`select count(*)::int as n, count(distinct user_pseudonym)::int as users from pub_camera_accesses where ${inPeriod(p)}`);
  const top = users.slice(0, TOP_USERS);
  const items = top.map((u) => ({ key: u.user, label: `${u.user} · ${labelOf(ROLE_LABELS, u.role)}, ${u.agency}`, n: u.n }));
  const rest = tot.n - top.reduce((a, u) => a + u.n, 0);
  if (tot.users > top.length) items.push({ key: "_others", label: "All other users", n: rest });
  return seriesBreakdown("cameras", "top_users", p.name, items, "All accesses");
}
