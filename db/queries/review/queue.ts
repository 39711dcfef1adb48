import "server-only";
// The review queue: every flagged record once, with its rules, risk score (the sum of its rules'
// weights, passed in from config/anomalies.json), who did it, and its latest workflow state.
// Filters and sorts apply to the records and to the per-person view alike (people.ts).
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { queryRows } from "../../sql";
import { offsetOf, type Page, type RecordType } from "./common";

export const QUEUE_STATUSES = [
  "none",
  "reviewed",
  "explanation_requested",
  "finding_opened",
  "finding_closed",
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const QUEUE_SORTS = ["score", "time"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueFilters = {
  rule?: string;
  recordType?: RecordType;
  status?: QueueStatus;
  from?: Date;
  to?: Date;
  personnelId?: number;
  agencyId?: number;
  /** A camera, or a plate reader named by the search. */
  cameraId?: number;
  minScore?: number;
};

export type QueueRow = {
  record_type: RecordType;
  record_id: number;
  rules: string[];
  explanations: string[];
  score: number;
  occurred_at: Date;
  status: string | null;
  personnel_id: number | null;
  who: string | null;
  agency: string | null;
  what: string | null;
};

/** Rule weights as SQL: a record's score sums them; a rule with no weight counts 1. */
function weightsSql(weights: Record<string, number>): SQL {
  return sql`${JSON.stringify(weights)}::jsonb`;
}

/** Every flagged record matching the filters, with score, person, agency, camera and state. */
export function flaggedRecordsSql(f: QueueFilters, weights: Record<string, number>): SQL {
  const conds: SQL[] = [sql`true`];
  if (f.recordType) conds.push(sql`af.record_type = ${f.recordType}`);
  if (f.from) conds.push(sql`af.occurred_at >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`af.occurred_at < ${f.to.toISOString()}`);
  const outer: SQL[] = [sql`true`];
  if (f.rule) outer.push(sql`${f.rule} = any(r.rules)`);
  if (f.personnelId) outer.push(sql`r.personnel_id = ${f.personnelId}`);
  if (f.agencyId) outer.push(sql`r.agency_id = ${f.agencyId}`);
  if (f.cameraId) outer.push(sql`r.camera_id = ${f.cameraId}`);
  if (f.minScore) outer.push(sql`r.score >= ${f.minScore}`);
  if (f.status) outer.push(f.status === "none" ? sql`r.status is null` : sql`r.status = ${f.status}`);
  return sql`
    select * from (
      select q.*, coalesce(cae.personnel_id, a.personnel_id, d.pilot_id) as personnel_id,
             coalesce(cae.agency_id, a.agency_id, pp.agency_id) as agency_id, cae.camera_id,
             st.action as status
      from (
        select af.record_type::text as record_type, af.record_id, array_agg(af.rule order by af.rule) as rules,
               array_agg(af.explanation order by af.rule) as explanations, min(af.occurred_at) as occurred_at,
               sum(coalesce((${weightsSql(weights)} ->> af.rule)::numeric, 1))::float8 as score
        from anomaly_flags af where ${sql.join(conds, sql` and `)}
        group by af.record_type, af.record_id
      ) q
      left join camera_access_events cae on q.record_type = 'camera_access' and cae.id = q.record_id
      left join alpr_searches a on q.record_type = 'alpr_search' and a.id = q.record_id
      left join drone_flights d on q.record_type = 'drone_flight' and d.id = q.record_id
      left join personnel pp on pp.id = d.pilot_id
      left join lateral (
        select ra.action::text as action from review_actions ra
        where ra.record_type::text = q.record_type and ra.record_id = q.record_id and ra.action <> 'note'
        order by ra.at desc, ra.id desc limit 1
      ) st on true
    ) r where ${sql.join(outer, sql` and `)}`;
}

function orderSql(sort: QueueSort, dir: "asc" | "desc"): SQL {
  const d = dir === "asc" ? sql`asc` : sql`desc`;
  return sort === "score"
    ? sql`x.score ${d}, x.occurred_at desc, x.record_type, x.record_id`
    : sql`x.occurred_at ${d}, x.record_type, x.record_id`;
}

export async function listQueue(
  db: DbOrTx,
  p: { filters: QueueFilters; weights: Record<string, number>; sort?: QueueSort; dir: "asc" | "desc" } & Page,
): Promise<{ rows: QueueRow[]; total: number }> {
  const inner = flaggedRecordsSql(p.filters, p.weights);
  const rows = await queryRows<QueueRow>(
    db,
    sql`
    select x.*, p.display_name as who, ag.name as agency,
      case x.record_type
        when 'camera_access' then c.name || ' · ' || replace(cae.operation::text, '_', ' ')
        when 'alpr_search' then 'Plate search: ' || a.reason || ' · ' || a.network_count || ' network' || case when a.network_count = 1 then '' else 's' end
        else 'Flight ' || coalesce(d.call_number, '(no call)') || ' · ' || cc.label
      end as what
    from (${inner}) x
    left join personnel p on p.id = x.personnel_id
    left join agencies ag on ag.id = x.agency_id
    left join camera_access_events cae on x.record_type = 'camera_access' and cae.id = x.record_id
    left join cameras c on c.id = cae.camera_id
    left join alpr_searches a on x.record_type = 'alpr_search' and a.id = x.record_id
    left join drone_flights d on x.record_type = 'drone_flight' and d.id = x.record_id
    left join call_categories cc on cc.code = d.category
    order by ${orderSql(p.sort ?? "time", p.dir)}
    limit ${p.pageSize} offset ${offsetOf(p)}`,
  );
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${inner}) x`);
  return {
    rows: rows.map((r) => ({
      ...r,
      record_id: Number(r.record_id),
      score: Number(r.score),
      occurred_at: new Date(r.occurred_at),
    })),
    total: Number(n),
  };
}

/** The records before and after one record in the filtered, sorted queue (keyboard next/previous). */
export async function queueNeighbours(
  db: DbOrTx,
  p: { filters: QueueFilters; weights: Record<string, number>; sort?: QueueSort; dir: "asc" | "desc" },
  at: { recordType: RecordType; recordId: number },
): Promise<{
  prev: { record_type: RecordType; record_id: number } | null;
  next: { record_type: RecordType; record_id: number } | null;
  position: number | null;
  total: number;
}> {
  const rows = await queryRows<{ record_type: RecordType; record_id: number; n: number; total: number }>(
    db,
    sql`with o as (
        select x.record_type, x.record_id, row_number() over (order by ${orderSql(p.sort ?? "time", p.dir)}) as n,
               count(*) over () as total
        from (${flaggedRecordsSql(p.filters, p.weights)}) x),
      me as (select n from o where o.record_type = ${at.recordType} and o.record_id = ${at.recordId})
      select o.record_type, o.record_id, o.n::int as n, o.total::int as total from o, me
      where o.n between me.n - 1 and me.n + 1 order by o.n`,
  );
  const i = rows.findIndex((r) => r.record_type === at.recordType && Number(r.record_id) === at.recordId);
  if (i < 0) return { prev: null, next: null, position: null, total: 0 };
  const pick = (r: (typeof rows)[number] | undefined) =>
    r ? { record_type: r.record_type, record_id: Number(r.record_id) } : null;
  return {
    prev: pick(rows[i - 1]),
    next: pick(rows[i + 1]),
    position: Number(rows[i].n),
    total: Number(rows[i].total),
  };
}

/** Counts for the queue's summary line: flagged records by workflow state. */
export async function queueCounts(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string | null; n: number }>(
    db,
    sql`select coalesce(status, 'none') as status, count(*)::int as n from (${flaggedRecordsSql({}, {})}) x group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.status ?? "none", Number(r.n)]));
}
