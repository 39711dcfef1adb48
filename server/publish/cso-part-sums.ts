import "server-only";
// The CSO rollups' sums (server/publish/cso-sums.ts) added up from the partial aggregates
// (server/publish/cso-parts.ts) instead of from every call. A period begins at an instant: the
// whole local dates after the one it begins in come from the partials (a short period sums its
// dates; a long one takes the whole-record totals less the dates before), and the calls of the
// date it begins in after that instant are counted from the raw rows, the same way.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { ident, queryRows } from "../../db/sql";
import { city } from "../../lib/config/city";
import { addGroups, generalizeGroups, groupCells, type CellGroup } from "../../lib/publish/rules/h3";
import { locatedCalls } from "./cso-cells";
import { PARTS, countsSql, minuteDims, minutesSql } from "./cso-parts";
import type { CsoPeriodBounds, CsoSums, LaunchSums, Middle, PeriodSums } from "./cso-sums";

/** Periods up to this long sum their dates' partials; longer ones the totals less the dates before. */
const SHORT_MS = 62 * 86400_000;

/** Monday of a local date's week, "YYYY-MM-DD" (as localWeekStart gives it). */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

type Ctx = { tx: DbOrTx; table: (t: string) => SQL; cutoff: Date; tz: string };

/** Where a period begins: its first local date (as the partials date it) and the raw calls after the instant on it. */
function edgeOf(c: Ctx, from: Date) {
  const at = sql`${from.toISOString()}::timestamptz`;
  const date = sql`((${at} at time zone ${c.tz})::date)`;
  // Compared on whole milliseconds, as the rollups compare instants read into JS.
  const where = sql` and a.received_at > ${at} and a.received_at < ${at} + interval '2 days'
    and date_trunc('milliseconds', a.received_at) > ${at} and (a.received_at at time zone ${c.tz})::date = ${date}`;
  return { date, where };
}

async function countsOf(c: Ctx, p: CsoPeriodBounds) {
  const counts = c.table(PARTS.counts);
  const src = p.from
    ? sql`select local_date as d, breakdown as b, key, n from ${counts} where local_date > ${edgeOf(c, p.from).date}
        union all select d, b, key, n from (${countsSql(c.cutoff, c.tz, edgeOf(c, p.from).where)}) e`
    : sql`select local_date as d, breakdown as b, key, n from ${counts}`;
  // Sums by breakdown and key; call sources also by date (for the weeks); the first and last date.
  return queryRows<{ d: string; b: string; key: string; n: number }>(
    c.tx,
    sql`with c as (${src})
      select case when b = 'source' then to_char(d, 'YYYY-MM-DD') else '' end as d, b, key, sum(n)::int as n
      from c group by 1, 2, 3
      union all
      select to_char(min(d), 'YYYY-MM-DD'), 'span', to_char(max(d), 'YYYY-MM-DD'), 0 from c
      where b = 'category' having count(*) > 0`,
  );
}

/** The middle of each list of minutes: overall ("*"), and with `dims` by category, source and month. */
async function middlesOf(c: Ctx, p: CsoPeriodBounds, dims: boolean) {
  // Without dims, only the overall lists: the rows as they are, not once per dimension.
  const per = (from: SQL, sign: 1 | -1) =>
    dims ? minuteDims(from, sign) : sql`select kind, '*' as dim, '' as key, tenths, ${sign} * n as n from ${from} m`;
  const edge = (from: Date) =>
    sql`(select d as local_date, kind, category, src as call_source, t as tenths, n
      from (${minutesSql(c.cutoff, c.tz, edgeOf(c, from).where)}) e0)`;
  const minutes = c.table(PARTS.minutes);
  const totals = sql`select kind, dim, key, tenths, n from ${c.table(PARTS.minuteTotals)}`;
  let src: SQL;
  if (!p.from) src = totals;
  else if (p.to.getTime() - p.from.getTime() <= SHORT_MS)
    src = sql`${per(sql`(select * from ${minutes} where local_date > ${edgeOf(c, p.from).date})`, 1)}
      union all ${per(edge(p.from), 1)}`;
  else
    src = sql`${totals}
      union all ${per(sql`(select * from ${minutes} where local_date <= ${edgeOf(c, p.from).date})`, -1)}
      union all ${per(edge(p.from), 1)}`;
  const rows = await queryRows<{ kind: string; dim: string; key: string; n: number; lo: number; hi: number }>(
    c.tx,
    sql`with h as (
        select kind, dim, key, tenths, sum(n)::bigint as n from (${src}) s
        where ${dims ? sql`true` : sql`dim = '*'`} group by 1, 2, 3, 4 having sum(n) <> 0),
      c as (
        select kind, dim, key, tenths, (sum(n) over (partition by kind, dim, key order by tenths))::bigint as cum,
          (sum(n) over (partition by kind, dim, key))::bigint as tot from h)
      select kind, dim, key, tot::int as n, min(tenths) filter (where cum > (tot - 1) / 2) as lo,
        min(tenths) filter (where cum > tot / 2) as hi
      from c group by kind, dim, key, tot`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n), lo: Number(r.lo), hi: Number(r.hi) }));
}

/** The period's located calls grouped by (fine, coarse, sensitive). */
async function cellGroupsOf(c: Ctx, p: CsoPeriodBounds): Promise<CellGroup[]> {
  const cells = c.table(PARTS.cells);
  const totals = sql`select fine, coarse, sensitive, n from ${c.table(PARTS.cellTotals)}`;
  let src: SQL;
  if (!p.from) src = totals;
  else if (p.to.getTime() - p.from.getTime() <= SHORT_MS)
    src = sql`select fine, coarse, sensitive, n from ${cells} where local_date > ${edgeOf(c, p.from).date}`;
  else
    src = sql`${totals} union all
      select fine, coarse, sensitive, -n from ${cells} where local_date <= ${edgeOf(c, p.from).date}`;
  const rows = await queryRows<CellGroup>(
    c.tx,
    sql`select fine, coarse, sensitive, sum(n)::int as n from (${src}) s group by 1, 2, 3 having sum(n) <> 0`,
  );
  const grouped = rows.map((r) => ({ ...r, sensitive: Boolean(r.sensitive), n: Number(r.n) }));
  if (!p.from) return grouped;
  const edge = await locatedCalls(c.tx, { cutoff: c.cutoff, timeZone: c.tz, where: edgeOf(c, p.from).where });
  return addGroups(grouped, groupCells(edge));
}

/**
 * The rollups' sums of every period, from the partial tables as `table` names them (rebuilt
 * beside, or served), in the publication's transaction. Every period ends at the cutoff.
 */
export async function sumsFromParts(
  tx: DbOrTx,
  table: (t: string) => string,
  o: { cutoff: Date; timeZone: string; periods: CsoPeriodBounds[] },
): Promise<CsoSums> {
  const c: Ctx = {
    tx,
    table: (t) => sql.raw(ident(table(t))),
    cutoff: o.cutoff,
    tz: o.timeZone,
  };
  for (const p of o.periods)
    if (p.to.getTime() !== o.cutoff.getTime()) throw new Error(`period ${p.name} does not end at the cutoff`);
  const sites = city().sensitiveSites;
  const since = o.periods.find((p) => p.name === "since_launch") ?? o.periods[o.periods.length - 1];
  const launch: LaunchSums = {
    area: new Map(),
    hour: new Map(),
    weeks: [],
    weekSource: new Map(),
    responseBy: { month: new Map(), category: new Map(), source: new Map() },
  };
  const periods: CsoSums["periods"] = [];
  for (const p of o.periods) {
    const s: PeriodSums = {
      calls: 0,
      flags: new Map(),
      category: new Map(),
      source: new Map(),
      outcome: new Map(),
      referral: new Map(),
      response: { n: 0, lo: 0, hi: 0 },
      clear: { n: 0, lo: 0, hi: 0 },
      firstDay: null,
      lastDay: null,
      cells: generalizeGroups(await cellGroupsOf(c, p), undefined, sites),
    };
    const isSince = p === since;
    const weeks = new Set<string>();
    for (const r of await countsOf(c, p)) {
      const n = Number(r.n);
      if (r.b === "span") {
        s.firstDay = r.d;
        s.lastDay = r.key;
        continue;
      }
      const m = { flag: s.flags, category: s.category, outcome: s.outcome, referral: s.referral }[r.b as "flag"];
      if (m) m.set(r.key, (m.get(r.key) ?? 0) + n);
      if (r.b === "category") s.calls += n;
      if (r.b === "source") {
        s.source.set(r.key, (s.source.get(r.key) ?? 0) + n);
        if (isSince) {
          const w = mondayOf(r.d);
          weeks.add(w);
          launch.weekSource.set(`${w}|${r.key}`, (launch.weekSource.get(`${w}|${r.key}`) ?? 0) + n);
        }
      }
      if (isSince && (r.b === "area" || r.b === "hour")) launch[r.b].set(r.key, n);
    }
    for (const r of await middlesOf(c, p, isSince)) {
      const m: Middle = { n: r.n, lo: r.lo, hi: r.hi };
      if (r.dim === "*") s[r.kind as "response" | "clear"] = m;
      else if (isSince && r.kind === "response") launch.responseBy[r.dim as "month"].set(r.key, m);
    }
    if (isSince) launch.weeks = [...weeks].sort();
    periods.push({ name: p.name, sums: s });
  }
  const [cats, areas] = await Promise.all([
    queryRows<{ code: string; label: string }>(tx, sql`select code, label from call_categories`),
    queryRows<{ slug: string; name: string }>(tx, sql`select slug, name from areas`),
  ]);
  return {
    periods,
    since: { name: since.name, sums: launch },
    labels: {
      category: new Map(cats.map((r) => [r.code, r.label])),
      area: new Map([["unknown", "Unknown"], ...areas.map((r) => [r.slug, r.name] as [string, string])]),
    },
  };
}
