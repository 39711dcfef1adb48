import "server-only";
// The CSO partial aggregates (db/schema/published-cso-parts.ts): what each local date's published
// calls add to every rollup, written like the call log (rebuilt beside the served table on a full
// publication, the scope's dates replaced in place on an incremental one), and the whole-record
// totals of the large ones, kept by difference. Counted in SQL from the same columns, with the same
// rounding, as the rollups' definitions in server/publish/cso-sums.ts (sumsOfCalls).
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import { ident } from "../../db/sql";
import { referralTypes } from "../../db/schema/cso";
import type { Scope } from "../../lib/publish/incremental";
import type { CellGroup } from "../../lib/publish/rules/h3";
import type { LocatedCall } from "./cso-cells";
import { endedAtSql } from "./cso-source";
import { writeRows } from "./scope-sql";

/** A partial table as a publication reads it: rebuilt beside the served one (full scope), or the served one. */
export const partTable = (shadow: ShadowTables, scope: Scope, table: string): string =>
  scope.full ? shadow.nameOf(table) : table;

export const PARTS = {
  counts: "publish_part_cso_counts",
  minutes: "publish_part_cso_minutes",
  cells: "publish_part_cso_cells",
  minuteTotals: "publish_part_cso_minute_totals",
  cellTotals: "publish_part_cso_cell_totals",
} as const;

/** The list separator of loadCalls' referrals: a referral is what splitting on it gives. */
const ITEM = "\u001e";

/** The calls with their category (`k`) and area (`ar`). */
const CALLS = sql`cso_activities a join call_categories k on k.code = a.category left join areas ar on ar.id = a.area_id`;
/** The published calls (ended before the cutoff) that `where` keeps (a condition on `a` with its leading "and"). */
const published = (cutoff: Date, where: SQL) =>
  sql`${endedAtSql(sql`a`)} <= ${cutoff.toISOString()}::timestamptz${where}`;

const localDate = (tz: string) => sql`(a.received_at at time zone ${tz})::date`;

/** Counts per local date: (local_date, breakdown, key, n). */
export function countsSql(cutoff: Date, tz: string, where: SQL): SQL {
  const referrals = sql`array_to_string(a.referrals, ${ITEM}::text)`;
  const known = `{${referralTypes.join(",")}}`;
  // Each call's date and keys once; then one grouping per breakdown (grouping sets: one pass), the
  // flags counted per date, and the referrals (several per call) apart.
  const calls = sql`(select ${localDate(tz)} as d, a.category, a.call_source::text as src, a.outcome::text as outcome,
      case when not k.sensitive then coalesce(ar.slug, 'unknown') end as area,
      case when not k.sensitive then extract(hour from a.received_at at time zone ${tz})::int::text end as hour,
      a.sworn_backup_requested as sworn, ${referrals} <> '' as referred, a.report_written as reports,
      a.fingerprints_collected as fingerprints, a.dna_collected as dna, k.sensitive
    from ${CALLS} where ${published(cutoff, where)}) c`;
  const FLAGS = ["sworn", "referred", "reports", "fingerprints", "dna", "sensitive"];
  const flagCounts = sql.join(
    FLAGS.map((f) => sql.raw(`count(*) filter (where c.${f})::int as ${f}`)),
    sql`, `,
  );
  const flagRows = sql.join(
    FLAGS.map((f) => sql.raw(`('${f}', f.${f})`)),
    sql`, `,
  );
  return sql`select d, b, key, n from (
      select c.d, case when grouping(c.category) = 0 then 'category' when grouping(c.src) = 0 then 'source'
          when grouping(c.outcome) = 0 then 'outcome' when grouping(c.area) = 0 then 'area' else 'hour' end as b,
        coalesce(c.category, c.src, c.outcome, c.area, c.hour) as key, count(*)::int as n
      from ${calls}
      group by grouping sets ((c.d, c.category), (c.d, c.src), (c.d, c.outcome), (c.d, c.area), (c.d, c.hour))
    ) g where key is not null
    union all
    select f.d, 'flag', x.key, x.n from (select c.d, ${flagCounts} from ${calls} group by c.d) f
    cross join lateral (values ${flagRows}) as x(key, n)
    where x.n > 0
    union all
    select ${localDate(tz)}, 'referral', r.key, count(*)::int
    from ${CALLS}
    cross join lateral unnest(string_to_array(${referrals}, ${ITEM}::text)) as r(key)
    where ${published(cutoff, where)} and ${referrals} <> '' and r.key = any(${known}::text[])
    group by 1, 2, 3`;
}

/** Epoch milliseconds of a column, as loadCalls reads every instant. */
const ms = (col: SQL) => sql`round(date_part('epoch', date_trunc('milliseconds', ${col})) * 1000)::bigint`;
/**
 * Tenths of a minute from received to `col`, rounded half up (minutesBetween × 10), in integer
 * arithmetic: the difference is never negative (the table's checks), so division rounds down.
 */
const tenthsSql = (col: SQL) => sql`((${ms(col)} - ${ms(sql`a.received_at`)} + 3000) / 6000)::int`;

/** Minutes per local date: (local_date, kind, category, call_source, tenths, n). */
export function minutesSql(cutoff: Date, tz: string, where: SQL): SQL {
  return sql`select d, kind, category, src, t, count(*)::int as n from (
      select c.d, m.kind, m.category, m.src, m.t
      from (select ${localDate(tz)} as d, a.category, a.call_source::text as src,
          ${tenthsSql(sql`a.on_scene_at`)} as resp, ${tenthsSql(sql`a.cleared_at`)} as clear
        from ${CALLS} where ${published(cutoff, where)}) c
      cross join lateral (values ('response', c.category, c.src, c.resp), ('clear', '', '', c.clear))
        as m(kind, category, src, t)
      where m.t is not null
    ) c group by 1, 2, 3, 4, 5`;
}

/** Located calls grouped per local date, as (local_date, fine, coarse, sensitive, n) rows. */
export function cellsSql(calls: LocatedCall[]): SQL {
  const groups = new Map<string, { d: string; f: string; c: string; s: boolean; n: number }>();
  for (const c of calls) {
    const k = `${c.date}|${c.fine}|${c.coarse}|${c.sensitive ? 1 : 0}`;
    const g = groups.get(k);
    if (g) g.n++;
    else groups.set(k, { d: c.date, f: c.fine, c: c.coarse, s: c.sensitive, n: 1 });
  }
  // Grouped again by (fine, coarse, sensitive), each with its dates and counts as array literals: a
  // far smaller parameter to parse than one object per row.
  const byCell = new Map<string, { f: string; c: string; s: boolean; d: string[]; n: number[] }>();
  for (const g of groups.values()) {
    const k = `${g.f}|${g.c}|${g.s ? 1 : 0}`;
    const x = byCell.get(k) ?? byCell.set(k, { f: g.f, c: g.c, s: g.s, d: [], n: [] }).get(k)!;
    x.d.push(g.d);
    x.n.push(g.n);
  }
  const json = JSON.stringify(
    [...byCell.values()].map((x) => ({ f: x.f, c: x.c, s: x.s, d: `{${x.d.join(",")}}`, n: `{${x.n.join(",")}}` })),
  );
  return sql`select u.d, x.f, x.c, x.s, u.n
    from jsonb_to_recordset(${json}::jsonb) as x(f text, c text, s boolean, d date[], n int[])
    cross join lateral unnest(x.d, x.n) as u(d, n)`;
}

/**
 * publish_part_cso_minutes rows (`from`, a table or subquery) summed by month, then by each total's
 * dimension, with n times `sign` (summed by month first: a year of dates is a twelfth of the rows).
 */
const minuteDims = (from: SQL, sign: 1 | -1) => sql`select m.kind, x.dim, x.key, m.tenths, ${sign} * m.n as n
    from (select kind, category, call_source, to_char(local_date, 'YYYY-MM') as month, tenths, sum(n)::int as n
      from ${from} w group by 1, 2, 3, 4, 5) m
    cross join lateral (values ('*', ''), ('category', m.category), ('source', m.call_source), ('month', m.month)) as x(dim, key)
    where m.kind = 'response' or x.dim = '*'`;

const totalsOf = (from: SQL, sign: 1 | -1) =>
  sql`select kind, dim, key, tenths, sum(n)::int from (${minuteDims(from, sign)}) s group by 1, 2, 3, 4`;
const cellTotalsOf = (from: SQL, sign: 1 | -1) =>
  sql`select fine, coarse, sensitive, (${sign} * sum(n))::int from ${from} c group by 1, 2, 3`;

/**
 * Writes the partial aggregates for a publication's scope: every table rebuilt beside the served
 * one on a full scope, or the scope's dates replaced in place (and their difference added to the
 * totals) on an incremental one. `located` are the scope's located calls with their cells.
 */
export async function writeParts(
  tx: DbOrTx,
  shadow: ShadowTables,
  o: { cutoff: Date; timeZone: string; scope: Scope; where: SQL; located: LocatedCall[] },
): Promise<void> {
  const { cutoff, timeZone: tz, scope } = o;
  const days = scope.full ? null : `{${scope.days.join(",")}}`;
  const scoped = (table: string) =>
    sql`(select * from ${sql.identifier(table)} where local_date = any(${days}::date[]))`;
  // Incremental: what the scope's dates held leaves the totals before they are rewritten.
  if (days !== null) await addTotals(tx, scoped(PARTS.minutes), scoped(PARTS.cells), -1);
  const write = (table: string, columns: string[], select: SQL) => writeRows(shadow, table, columns, select, scope);
  await write(PARTS.counts, ["local_date", "breakdown", "key", "n"], countsSql(cutoff, tz, o.where));
  await write(
    PARTS.minutes,
    ["local_date", "kind", "category", "call_source", "tenths", "n"],
    minutesSql(cutoff, tz, o.where),
  );
  await write(PARTS.cells, ["local_date", "fine", "coarse", "sensitive", "n"], cellsSql(o.located));
  if (days !== null) {
    await addTotals(tx, scoped(PARTS.minutes), scoped(PARTS.cells), 1);
    await tx.execute(sql`delete from ${sql.identifier(PARTS.minuteTotals)} where n = 0`);
    await tx.execute(sql`delete from ${sql.identifier(PARTS.cellTotals)} where n = 0`);
    return;
  }
  for (const t of [PARTS.counts, PARTS.minutes, PARTS.cells]) await shadow.index(t);
  const from = (t: string) => sql.raw(ident(shadow.nameOf(t)));
  await shadow.createAs(
    PARTS.minuteTotals,
    ["kind", "dim", "key", "tenths", "n"],
    totalsOf(sql`${from(PARTS.minutes)}`, 1),
  );
  await shadow.createAs(
    PARTS.cellTotals,
    ["fine", "coarse", "sensitive", "n"],
    cellTotalsOf(sql`${from(PARTS.cells)}`, 1),
  );
  await shadow.index(PARTS.minuteTotals);
  await shadow.index(PARTS.cellTotals);
}

/** Adds (sign 1) or takes away (-1) partial rows' sums to or from the whole-record totals, in place. */
async function addTotals(tx: DbOrTx, minutes: SQL, cells: SQL, sign: 1 | -1): Promise<void> {
  await tx.execute(sql`insert into ${sql.identifier(PARTS.minuteTotals)} as t (kind, dim, key, tenths, n)
    ${totalsOf(minutes, sign)}
    on conflict (kind, dim, key, tenths) do update set n = t.n + excluded.n`);
  await tx.execute(sql`insert into ${sql.identifier(PARTS.cellTotals)} as t (fine, coarse, sensitive, n)
    ${cellTotalsOf(cells, sign)}
    on conflict (fine, coarse, sensitive) do update set n = t.n + excluded.n`);
}

export { minuteDims };
export type { CellGroup };
