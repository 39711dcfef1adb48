import "server-only";
// The review queue: every flagged record once, with its rules, risk score (the sum of its rules'
// weights in config/anomalies.json, as of the last flag recompute), who did it, and its latest
// workflow state, read from review_queue (db/schema/review-queue.ts).
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

/**
 * Every flagged record matching the filters, with score, person, agency, camera and state: one
 * narrow table (review_queue) written by the flag recompute, its indexes serving the sorts and filters.
 */
export function flaggedRecordsSql(f: QueueFilters): SQL {
  const conds = [...sharedConds(f, sql`q`)];
  if (f.from) conds.push(sql`q.occurred_at >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`q.occurred_at < ${f.to.toISOString()}`);
  if (f.cameraId) conds.push(sql`q.camera_id = ${f.cameraId}`);
  if (f.minScore) conds.push(sql`q.score >= ${f.minScore}`);
  return sql`
    select q.record_type::text as record_type, q.record_id, q.rules, q.score, q.occurred_at, q.state as status,
      q.personnel_id, q.agency_id, q.camera_id, q.operation
    from review_queue q where ${sql.join(conds, sql` and `)}`;
}

/** The filters that are columns of review_queue and of review_queue_groups alike, on relation `t`. */
function sharedConds(f: QueueFilters, t: SQL): SQL[] {
  const conds: SQL[] = [sql`true`];
  if (f.recordType) conds.push(sql`${t}.record_type = ${f.recordType}`);
  if (f.rule) conds.push(sql`${t}.rules @> array[${f.rule}]::text[]`);
  if (f.personnelId) conds.push(sql`${t}.personnel_id = ${f.personnelId}`);
  if (f.agencyId) conds.push(sql`${t}.agency_id = ${f.agencyId}`);
  if (f.status) conds.push(f.status === "none" ? sql`${t}.state is null` : sql`${t}.state = ${f.status}`);
  return conds;
}

/**
 * The flagged records matching the filters counted by person, agency, program, operation, rules
 * and state (columns personnel_id … state, n, score, first, last), from review_queue_groups: a few
 * thousand rows instead of every record. Null when a filter is not among its columns (dates, a
 * camera, a minimum score): then only review_queue can answer.
 */
export function flaggedGroupsSql(f: QueueFilters): SQL | null {
  if (f.from || f.to || f.cameraId || f.minScore) return null;
  return sql`select g.personnel_id, g.agency_id, g.record_type::text as record_type, g.operation, g.rules, g.state as status,
      g.n, g.score, g.first, g.last
    from review_queue_groups g where ${sql.join(sharedConds(f, sql`g`), sql` and `)}`;
}

/** The queue's order; `t` names the relation (review_queue itself inside flaggedRecordsSql, so its indexes serve it). */
function orderSql(sort: QueueSort, dir: "asc" | "desc", t: SQL = sql`x`): SQL {
  const d = dir === "asc" ? sql`asc` : sql`desc`;
  // Ties break on the record type in the enum's order, inside (the table's column) and out (text cast back).
  const type = sql`${t}.record_type::review_record_type`;
  return sort === "score"
    ? sql`${t}.score ${d}, ${t}.occurred_at desc, ${type}, ${t}.record_id`
    : sql`${t}.occurred_at ${d}, ${type}, ${t}.record_id`;
}

export async function listQueue(
  db: DbOrTx,
  p: { filters: QueueFilters; sort?: QueueSort; dir: "asc" | "desc" } & Page,
): Promise<{ rows: QueueRow[]; total: number }> {
  const inner = flaggedRecordsSql(p.filters);
  const rows = await queryRows<QueueRow>(
    db,
    sql`
    with x as (${inner} order by ${orderSql(p.sort ?? "time", p.dir, sql`q`)} limit ${p.pageSize} offset ${offsetOf(p)})
    select x.*, ex.explanations, p.display_name as who, ag.name as agency,
      case x.record_type
        when 'camera_access' then c.name || ' · ' || replace(cae.operation::text, '_', ' ')
        when 'alpr_search' then 'Plate search: ' || a.reason || ' · ' || a.network_count || ' network' || case when a.network_count = 1 then '' else 's' end
        else 'Flight ' || coalesce(d.call_number, '(no call)') || ' · ' || cc.label
      end as what
    from x
    left join lateral (
      select array_agg(af.explanation order by af.rule) as explanations from anomaly_flags af
      where af.record_type = x.record_type::review_record_type and af.record_id = x.record_id
    ) ex on true
    left join personnel p on p.id = x.personnel_id
    left join agencies ag on ag.id = x.agency_id
    left join camera_access_events cae on x.record_type = 'camera_access' and cae.id = x.record_id
    left join cameras c on c.id = cae.camera_id
    left join alpr_searches a on x.record_type = 'alpr_search' and a.id = x.record_id
    left join drone_flights d on x.record_type = 'drone_flight' and d.id = x.record_id
    left join call_categories cc on cc.code = d.category
    order by ${orderSql(p.sort ?? "time", p.dir)}`,
  );
  const groups = flaggedGroupsSql(p.filters);
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    groups
      ? sql`select coalesce(sum(x.n), 0)::int as n from (${groups}) x`
      : sql`select count(*)::int as n from (${inner}) x`,
  );
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
  p: { filters: QueueFilters; sort?: QueueSort; dir: "asc" | "desc" },
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
        from (${flaggedRecordsSql(p.filters)}) x),
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

/** Counts for the queue's summary line: flagged records by workflow state (from review_queue_groups). */
export async function queueCounts(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string | null; n: number }>(
    db,
    sql`select coalesce(state, 'none') as status, sum(n)::int as n from review_queue_groups group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.status ?? "none", Number(r.n)]));
}
