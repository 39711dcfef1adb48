import "server-only";
// Reading raw CSO calls for publication: only calls past their 7-day delay, and never the
// columns that must not leave the raw tables (officer, call number, narrative, exact time).
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";

export type SourceCall = {
  id: number;
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
export const endedAtSql = (t: SQL = sql`cso_activities`) =>
  sql`coalesce(${t}.cleared_at, ${t}.on_scene_at, ${t}.received_at)`;

/**
 * The calls whose delay has passed, oldest id first, in memory: the reference the rollups summed
 * from the partial aggregates are tested against (sumsOfCalls in server/publish/cso-sums.ts).
 */
export async function loadCalls(tx: DbOrTx, cutoff: Date): Promise<SourceCall[]> {
  // Each call travels as ONE text value of separated fields, instants as epoch milliseconds: at
  // scale 100 (600,000 calls) building a 20-field row object per call and parsing timestamp
  // strings cost three times the query. Labels and names come from the small reference tables.
  const [cats, areaRows] = await Promise.all([
    queryRows<{ code: string; label: string; sensitive: boolean }>(
      tx,
      sql`select code, label, sensitive from call_categories`,
    ),
    queryRows<{ id: number; slug: string; name: string }>(tx, sql`select id, slug, name from areas`),
  ]);
  const category = new Map(cats.map((c) => [c.code, c]));
  const area = new Map(areaRows.map((a) => [Number(a.id), a]));
  // concat_ws leaves out nulls, so nullable fields are written as '' to keep every field in place.
  const opt = (v: SQL) => sql`coalesce(${v}, '')`;
  const ms = (col: SQL) => sql`round(date_part('epoch', date_trunc('milliseconds', ${col})) * 1000)::bigint::text`;
  const rows = await queryRows<{ r: string }>(
    tx,
    sql`
    select concat_ws(${FIELD}, a.id, a.category, a.call_source, ${ms(sql`a.received_at`)}, ${opt(ms(sql`a.on_scene_at`))}, ${opt(ms(sql`a.cleared_at`))},
      ${opt(sql`a.area_id::text`)}, ${opt(sql`a.lat::float8::text`)}, ${opt(sql`a.lon::float8::text`)}, a.outcome,
      a.report_written::int::text || a.fingerprints_collected::int::text || a.dna_collected::int::text || a.sworn_backup_requested::int::text,
      array_to_string(a.referrals, ${ITEM})) as r
    from cso_activities a
    join call_categories k on k.code = a.category
    where ${endedAtSql(sql`a`)} <= ${cutoff.toISOString()}::timestamptz
    order by a.id`,
  );
  return rows.map(({ r }) => {
    const f = r.split(FIELD);
    const cat = category.get(f[1])!;
    const ar = f[6] === "" ? undefined : area.get(Number(f[6]));
    const flags = f[10];
    // Referrals come last, so a separator inside one (free text from an import) stays in it.
    const referrals = f.slice(11).join(FIELD);
    return {
      id: Number(f[0]),
      category: f[1],
      label: cat.label,
      sensitive: Boolean(cat.sensitive),
      callSource: f[2],
      receivedAt: new Date(Number(f[3])),
      onSceneAt: f[4] === "" ? null : new Date(Number(f[4])),
      clearedAt: f[5] === "" ? null : new Date(Number(f[5])),
      areaSlug: ar?.slug ?? null,
      areaName: ar?.name ?? null,
      lat: f[7] === "" ? null : Number(f[7]),
      lon: f[8] === "" ? null : Number(f[8]),
      outcome: f[9],
      referrals: referrals === "" ? [] : referrals.split(ITEM),
      reportWritten: flags[0] === "1",
      fingerprintsCollected: flags[1] === "1",
      dnaCollected: flags[2] === "1",
      swornBackupRequested: flags[3] === "1",
    };
  });
}

/** Field and list separators for loadCalls (the ASCII unit and record separators). */
const FIELD = "\u001f";
const ITEM = "\u001e";

export type BaselineRow = { key: string; label: string; n: number; med: number | null; clear_med: number | null };

/**
 * Pre-pilot patrol responses to CSO-type calls: overall, by category, and by month shifted one
 * year forward (so each pilot month sits beside the same month a year earlier).
 */
export async function loadBaseline(
  tx: DbOrTx,
  timeZone: string,
): Promise<{
  overall: BaselineRow & { first_day: string | null; last_day: string | null };
  byCategory: BaselineRow[];
  byMonth: BaselineRow[];
}> {
  // One pass over the baseline for all three groupings (the grand total row exists even when empty).
  const rows = await queryRows<{
    g: number;
    category: string | null;
    month: string | null;
    label: string | null;
    n: number;
    med: number | null;
    clear_med: number | null;
    first_day: string | null;
    last_day: string | null;
  }>(
    tx,
    sql`
    select grouping(b.category, b.month)::int as g, b.category, b.month, min(c.label) as label, count(b.on_scene_at)::int as n,
      (percentile_cont(0.5) within group (order by extract(epoch from (b.on_scene_at - b.received_at))::float8 / 60))::float8 as med,
      (percentile_cont(0.5) within group (order by extract(epoch from (b.cleared_at - b.received_at))::float8 / 60))::float8 as clear_med,
      to_char(min(b.received_at at time zone ${timeZone}), 'YYYY-MM-DD') as first_day, to_char(max(b.received_at at time zone ${timeZone}), 'YYYY-MM-DD') as last_day
    from (select category, received_at, on_scene_at, cleared_at, to_char((received_at at time zone ${timeZone}) + interval '1 year', 'YYYY-MM') as month
          from baseline_responses where program = 'cso') b
    left join call_categories c on c.code = b.category
    group by grouping sets ((), (b.category), (b.month))`,
  );
  const num = (r: (typeof rows)[number], key: string, label: string): BaselineRow => ({
    key,
    label,
    n: Number(r.n),
    med: r.med === null ? null : Number(r.med),
    clear_med: r.clear_med === null ? null : Number(r.clear_med),
  });
  const byKey = (a: BaselineRow, b: BaselineRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  // grouping() sets a bit for each column left out: 3 = the grand total, 1 = by category, 2 = by month.
  const total = rows.find((r) => r.g === 3)!;
  return {
    overall: { ...num(total, "*", "All calls"), first_day: total.first_day, last_day: total.last_day },
    byCategory: rows
      .filter((r) => r.g === 1)
      .map((r) => num(r, r.category!, r.label ?? r.category!))
      .sort(byKey),
    byMonth: rows
      .filter((r) => r.g === 2)
      .map((r) => num(r, r.month!, r.month!))
      .sort(byKey),
  };
}
