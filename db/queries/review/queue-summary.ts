import "server-only";
// Writes of the review queue's read model (db/schema/review-queue.ts): rebuilt from anomaly_flags
// by the flag recompute, its state refreshed from review_actions whenever a review or a finding
// step changes it. Both derive the state the same way: the latest action that is not a note.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { queryRows } from "../../sql";
import type { RecordType } from "./common";

const LATEST_STATE = sql`select distinct on (ra.record_type, ra.record_id) ra.record_type, ra.record_id, ra.action::text as action
  from review_actions ra where ra.action <> 'note' order by ra.record_type, ra.record_id, ra.at desc, ra.id desc`;

// review_queue counted into review_queue_groups (db/schema/review-queue.ts), by these columns.
const GROUP_KEY = sql`q.personnel_id, q.agency_id, q.record_type, q.operation, q.rules, q.state`;
const GROUPS = sql`(personnel_id, agency_id, record_type, operation, rules, state, n, score, first, last)
  select ${GROUP_KEY}, count(*)::int, sum(q.score), min(q.occurred_at), max(q.occurred_at)`;
/** Held by every writer of review_queue_groups until its transaction ends (see regroupPeople). */
const GROUPS_LOCK = sql`select pg_advisory_xact_lock(hashtext('review_queue_groups'))`;

/**
 * Brings review_queue in line with anomaly_flags: one row per flagged record with its sorted
 * rules, score (the sum of the rules' weights; a rule with no weight counts 1), who, agency,
 * camera, operation and latest review state. Rows whose record lost its last flag go; unchanged
 * rows are not rewritten. Run inside the recompute's transaction, after anomaly_flags is updated.
 */
export async function rebuildReviewQueue(db: DbOrTx, weights: Record<string, number>): Promise<void> {
  await db.execute(sql`delete from review_queue q where not exists (select 1 from anomaly_flags f
    where f.record_type = q.record_type and f.record_id = q.record_id)`);
  await db.execute(sql`
    insert into review_queue as q (record_type, record_id, personnel_id, agency_id, camera_id, operation, rules, score, occurred_at, state)
    select g.record_type, g.record_id,
      coalesce(cae.personnel_id, a.personnel_id, d.pilot_id),
      coalesce(cae.agency_id, a.agency_id, pp.agency_id),
      cae.camera_id,
      coalesce(cae.operation::text, case g.record_type when 'alpr_search' then 'plate_search' else 'flight' end),
      g.rules, g.score, g.occurred_at, st.action
    from (
      select af.record_type, af.record_id, array_agg(af.rule order by af.rule) as rules, min(af.occurred_at) as occurred_at,
        sum(coalesce((${JSON.stringify(weights)}::jsonb ->> af.rule)::float8, 1)) as score
      from anomaly_flags af group by af.record_type, af.record_id
    ) g
    left join camera_access_events cae on g.record_type = 'camera_access' and cae.id = g.record_id
    left join alpr_searches a on g.record_type = 'alpr_search' and a.id = g.record_id
    left join drone_flights d on g.record_type = 'drone_flight' and d.id = g.record_id
    left join personnel pp on pp.id = d.pilot_id
    left join (${LATEST_STATE}) st on st.record_type = g.record_type and st.record_id = g.record_id
    on conflict (record_type, record_id) do update set personnel_id = excluded.personnel_id, agency_id = excluded.agency_id,
      camera_id = excluded.camera_id, operation = excluded.operation, rules = excluded.rules, score = excluded.score,
      occurred_at = excluded.occurred_at, state = excluded.state
    where (q.personnel_id, q.agency_id, q.camera_id, q.operation, q.rules, q.score, q.occurred_at, q.state)
      is distinct from (excluded.personnel_id, excluded.agency_id, excluded.camera_id, excluded.operation, excluded.rules,
        excluded.score, excluded.occurred_at, excluded.state)`);
  await db.execute(GROUPS_LOCK);
  await db.execute(sql`delete from review_queue_groups`);
  await db.execute(sql`insert into review_queue_groups ${GROUPS} from review_queue q group by ${GROUP_KEY}`);
}

/**
 * Counts these people's queue records into review_queue_groups again (null: records of no known
 * person). Serialised by a transaction lock: two reviews of one person's records at once would
 * otherwise each delete the rows the other had not yet written, and insert theirs twice.
 */
async function regroupPeople(db: DbOrTx, people: (number | null)[]): Promise<void> {
  if (people.length === 0) return;
  await db.execute(GROUPS_LOCK);
  const ids = people.filter((p): p is number => p !== null);
  const none = people.includes(null);
  const who = (t: SQL) =>
    sql.join(
      [
        ...(ids.length > 0 ? [sql`${t}.personnel_id = any(${`{${ids.join(",")}}`}::int[])`] : []),
        ...(none ? [sql`${t}.personnel_id is null`] : []),
      ],
      sql` or `,
    );
  await db.execute(sql`delete from review_queue_groups g where ${who(sql`g`)}`);
  await db.execute(
    sql`insert into review_queue_groups ${GROUPS} from review_queue q where ${who(sql`q`)} group by ${GROUP_KEY}`,
  );
}

/**
 * Sets the queue state of these records from their latest review action, and their people's
 * groups with it (call after writing review actions, in their transaction).
 */
export async function refreshReviewQueueState(
  db: DbOrTx,
  records: { recordType: RecordType; recordId: number }[],
): Promise<void> {
  const byType = new Map<RecordType, Set<number>>();
  for (const r of records) byType.set(r.recordType, (byType.get(r.recordType) ?? new Set()).add(r.recordId));
  const people = new Set<number | null>();
  for (const [type, ids] of byType) {
    const list: SQL = sql.join(
      [...ids].map((id) => sql`${id}`),
      sql`, `,
    );
    const moved = await queryRows<{ personnel_id: number | null }>(
      db,
      sql`update review_queue q set state = (select ra.action::text from review_actions ra
          where ra.record_type = q.record_type and ra.record_id = q.record_id and ra.action <> 'note'
          order by ra.at desc, ra.id desc limit 1)
        where q.record_type = ${type} and q.record_id in (${list})
        returning q.personnel_id`,
    );
    for (const p of moved) people.add(p.personnel_id === null ? null : Number(p.personnel_id));
  }
  await regroupPeople(db, [...people]);
}

/** True when there are flags but no queue rows: a database migrated to review_queue before its first recompute. */
export async function reviewQueueMissing(db: DbOrTx): Promise<boolean> {
  const [r] = await queryRows<{ missing: boolean }>(
    db,
    sql`select exists (select 1 from anomaly_flags) and not exists (select 1 from review_queue) as missing`,
  );
  return r.missing === true;
}
