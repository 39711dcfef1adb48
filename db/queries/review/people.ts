import "server-only";
// The queue's default view: people, not rows. Each person's flagged records (under the same
// filters as the record queue) summed into one risk score, with counts per rule for the headline.
// Reads review_queue_groups, or review_queue under a filter the groups cannot answer (both written
// by the flag recompute and kept in step by the review workflow).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { queryRows } from "../../sql";
import { offsetOf, type Page } from "./common";
import { flaggedGroupsSql, flaggedRecordsSql, type QueueFilters } from "./queue";

export type PersonRow = {
  personnelId: number;
  name: string;
  role: string;
  agency: string;
  records: number;
  unreviewed: number;
  score: number;
  /** Records per rule, most first. */
  rules: { rule: string; n: number }[];
  /** Records per operation ("export", "live_view", "plate search", "flight"). */
  operations: { operation: string; n: number }[];
  first: Date;
  last: Date;
};

export async function listPeople(
  db: DbOrTx,
  p: { filters: QueueFilters } & Page,
): Promise<{ rows: PersonRow[]; total: number }> {
  // Each person's records by rules and operation: summed from review_queue_groups when the filters
  // allow (at a large city, a few thousand groups instead of 630,000 records), else from the records.
  const groups = flaggedGroupsSql(p.filters);
  const combos = groups
    ? sql`select x.personnel_id, x.rules, x.operation, sum(x.n) as n, sum(x.n) filter (where x.status is null) as unreviewed,
             sum(x.score) as score, min(x.first) as first, max(x.last) as last
      from (${groups}) x where x.personnel_id is not null group by 1, 2, 3`
    : sql`select x.personnel_id, x.rules, x.operation, count(*) as n, count(*) filter (where x.status is null) as unreviewed,
             sum(x.score) as score, min(x.occurred_at) as first, max(x.occurred_at) as last
      from (${flaggedRecordsSql(p.filters)}) x where x.personnel_id is not null group by 1, 2, 3`;
  // Grouping the records sorts every one: at a large city's 630,000 it spilled to disk at the
  // default 4 MB of sort memory (people list 456 ms); with 64 MB for this query only, 294 ms.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<{
      personnel_id: number;
      name: string;
      role: string;
      agency: string;
      records: number;
      unreviewed: number;
      score: number;
      first: string;
      last: string;
      rules: Record<string, number>;
      operations: Record<string, number>;
      total: number;
    }>(
      tx,
      sql`
    -- The flagged records grouped by (person, rules, operation): a few hundred combinations even
    -- at scale 100, from which the people, their rule counts and their operation counts are summed.
    with combos as materialized (${combos}),
    people as (
      select c.personnel_id, sum(c.n)::int as records, sum(c.unreviewed)::int as unreviewed,
             sum(c.score)::float8 as score, min(c.first) as first, max(c.last) as last
      from combos c group by c.personnel_id
      order by score desc, records desc, c.personnel_id limit ${p.pageSize} offset ${offsetOf(p)}
    ),
    rule_n as (
      select r.personnel_id, jsonb_object_agg(r.rule, r.n) as rules
      from (select c.personnel_id, u.rule, sum(c.n) as n from combos c join people pe on pe.personnel_id = c.personnel_id,
              unnest(c.rules) u(rule) group by 1, 2) r
      group by r.personnel_id
    ),
    op_n as (
      select o.personnel_id, jsonb_object_agg(o.operation, o.n) as operations
      from (select c.personnel_id, c.operation, sum(c.n) as n from combos c join people pe on pe.personnel_id = c.personnel_id
              group by 1, 2) o
      group by o.personnel_id
    )
    select pe.*, pn.display_name as name, pn.role::text as role, ag.name as agency, rn.rules, onn.operations,
      (select count(distinct c.personnel_id) from combos c)::int as total
    from people pe join personnel pn on pn.id = pe.personnel_id join agencies ag on ag.id = pn.agency_id
    left join rule_n rn on rn.personnel_id = pe.personnel_id
    left join op_n onn on onn.personnel_id = pe.personnel_id
    order by pe.score desc, pe.records desc, pe.personnel_id`,
    );
  });
  // The total comes with the page; a page past the end has no rows to carry it.
  const n =
    rows.length > 0
      ? rows[0].total
      : (await queryRows<{ n: number }>(db, sql`select count(distinct x.personnel_id)::int as n from (${combos}) x`))[0]
          .n;
  const sorted = (o: Record<string, number> | null) =>
    Object.entries(o ?? {})
      .map(([k, v]) => ({ k, n: Number(v) }))
      .sort((a, b) => b.n - a.n || a.k.localeCompare(b.k));
  return {
    rows: rows.map((r) => ({
      personnelId: Number(r.personnel_id),
      name: r.name,
      role: r.role,
      agency: r.agency,
      records: Number(r.records),
      unreviewed: Number(r.unreviewed),
      score: Number(r.score),
      rules: sorted(r.rules).map(({ k, n }) => ({ rule: k, n })),
      operations: sorted(r.operations).map(({ k, n }) => ({ operation: k, n })),
      first: new Date(r.first),
      last: new Date(r.last),
    })),
    total: Number(n),
  };
}

/** People, agencies and cameras that have flagged records: the queue's filter menus. */
export async function queueFacets(db: DbOrTx) {
  // Each an index probe of review_queue per person, agency or camera (dozens), not a scan of the queue.
  const people = await queryRows<{ id: number; label: string }>(
    db,
    sql`select p.id, p.display_name || ' (' || replace(p.role::text, '_', ' ') || ')' as label
      from personnel p where exists (select 1 from review_queue q where q.personnel_id = p.id) order by 2`,
  );
  const agencies = await queryRows<{ id: number; label: string }>(
    db,
    sql`select ag.id, ag.name as label from agencies ag where exists (select 1 from review_queue q where q.agency_id = ag.id) order by 2`,
  );
  const cameras = await queryRows<{ id: number; label: string }>(
    db,
    sql`select c.id, c.name as label from cameras c where exists (select 1 from review_queue q where q.camera_id = c.id) order by 2`,
  );
  const opt = (r: { id: number; label: string }) => ({ value: String(r.id), label: r.label });
  return { people: people.map(opt), agencies: agencies.map(opt), cameras: cameras.map(opt) };
}
