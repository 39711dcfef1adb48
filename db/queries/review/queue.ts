import "server-only";
// The review queue: every flagged record once, with its rules, a one-line summary and its
// latest workflow state.
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
export type QueueFilters = { rule?: string; recordType?: RecordType; status?: QueueStatus; from?: Date; to?: Date };

export type QueueRow = {
  record_type: RecordType;
  record_id: number;
  rules: string[];
  explanations: string[];
  occurred_at: Date;
  status: string | null;
  who: string | null;
  what: string | null;
};

function filtered(f: QueueFilters): SQL {
  const conds: SQL[] = [sql`true`];
  if (f.recordType) conds.push(sql`af.record_type = ${f.recordType}`);
  if (f.from) conds.push(sql`af.occurred_at >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`af.occurred_at < ${f.to.toISOString()}`);
  const having = f.rule ? sql`having bool_or(af.rule = ${f.rule})` : sql``;
  const status = !f.status ? sql`true` : f.status === "none" ? sql`st.action is null` : sql`st.action = ${f.status}`;
  return sql`
    with q as (
      select af.record_type::text as record_type, af.record_id, array_agg(af.rule order by af.rule) as rules,
             array_agg(af.explanation order by af.rule) as explanations, min(af.occurred_at) as occurred_at
      from anomaly_flags af where ${sql.join(conds, sql` and `)}
      group by af.record_type, af.record_id ${having}
    )
    select q.*, st.action as status from q
    left join lateral (
      select ra.action::text as action from review_actions ra
      where ra.record_type::text = q.record_type and ra.record_id = q.record_id and ra.action <> 'note'
      order by ra.at desc, ra.id desc limit 1
    ) st on true
    where ${status}`;
}

export async function listQueue(
  db: DbOrTx,
  p: { filters: QueueFilters; dir: "asc" | "desc" } & Page,
): Promise<{ rows: QueueRow[]; total: number }> {
  const inner = filtered(p.filters);
  const dir = p.dir === "asc" ? sql`asc` : sql`desc`;
  const rows = await queryRows<QueueRow>(
    db,
    sql`
    select x.*,
      coalesce(p1.display_name, p2.display_name, p3.display_name) as who,
      case x.record_type
        when 'camera_access' then c.name || ' · ' || replace(cae.operation::text, '_', ' ')
        when 'alpr_search' then 'Plate search: ' || a.reason
        else 'Flight ' || coalesce(d.call_number, '(no call)') || ' · ' || cc.label
      end as what
    from (${inner}) x
    left join camera_access_events cae on x.record_type = 'camera_access' and cae.id = x.record_id
    left join personnel p1 on p1.id = cae.personnel_id
    left join cameras c on c.id = cae.camera_id
    left join alpr_searches a on x.record_type = 'alpr_search' and a.id = x.record_id
    left join personnel p2 on p2.id = a.personnel_id
    left join drone_flights d on x.record_type = 'drone_flight' and d.id = x.record_id
    left join personnel p3 on p3.id = d.pilot_id
    left join call_categories cc on cc.code = d.category
    order by x.occurred_at ${dir}, x.record_type, x.record_id
    limit ${p.pageSize} offset ${offsetOf(p)}`,
  );
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${inner}) x`);
  return {
    rows: rows.map((r) => ({ ...r, record_id: Number(r.record_id), occurred_at: new Date(r.occurred_at) })),
    total: Number(n),
  };
}

/** Counts for the queue's summary line: flagged records by workflow state. */
export async function queueCounts(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string | null; n: number }>(
    db,
    sql`select coalesce(status, 'none') as status, count(*)::int as n from (${filtered({})}) x group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.status ?? "none", Number(r.n)]));
}
