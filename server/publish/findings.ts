import "server-only";
// Published review findings: how many are open and closed, by type (suppressed with its row,
// column and grand totals), and each closed finding as residents read it: outcome, programs,
// period (days), number of records and the summary written for them. No names, notes,
// explanations or raw record ids: the records it covers are named only by their public ids.
import { sql } from "drizzle-orm";
import { pubFindingCounts, pubFindingRecords, pubFindings } from "../../db/schema";
import { publicIdMaker } from "../../lib/publish/rules/public-id";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { recordDataset } from "./dataset";
import { suppressTable } from "../../lib/publish/rules/suppression";
import type { Publisher } from "./types";

const STATUSES = ["open", "closed"] as const;

export const findingsPublisher: Publisher = {
  name: "findings",
  async run(ctx) {
    const data = await queryRows<{ finding_type: string; status: string; n: number }>(
      ctx.tx,
      sql`select finding_type, case when status = 'closed' then 'closed' else 'open' end as status, count(*)::int as n
          from findings group by 1, 2 order by 1, 2`,
    );
    const types = [...new Set(data.map((d) => d.finding_type))].sort();
    const idx = new Map(data.map((d) => [`${d.finding_type}|${d.status}`, d.n]));
    const t = suppressTable(
      types.map((ty) => STATUSES.map((s) => idx.get(`${ty}|${s}`) ?? 0)),
      undefined,
      STATUSES.length,
    );
    const rows: (typeof pubFindingCounts.$inferInsert)[] = [];
    types.forEach((ty, i) => {
      STATUSES.forEach((s, j) =>
        rows.push({ findingType: ty, status: s, count: t.cells[i][j].value, suppressed: t.cells[i][j].suppressed }),
      );
      rows.push({ findingType: ty, status: "*", count: t.rowTotals[i].value, suppressed: t.rowTotals[i].suppressed });
    });
    STATUSES.forEach((s, j) =>
      rows.push({ findingType: "*", status: s, count: t.colTotals[j].value, suppressed: t.colTotals[j].suppressed }),
    );
    rows.push({ findingType: "*", status: "*", count: t.total.value, suppressed: t.total.suppressed });
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
    await ctx.tx.delete(pubFindingCounts);
    await ctx.tx.insert(pubFindingCounts).values(rows);
    const closed = await publishClosed(ctx.tx, ctx.pseudonymKey, ctx.timeZone);
    await recordDataset(ctx, "findings", 0, rows.length);
    const source = data.reduce((a, d) => a + d.n, 0);
    return {
      sourceCounts: { findings: source },
      publishedCounts: {
        pub_finding_counts: rows.length,
        pub_findings: closed.findings,
        pub_finding_records: closed.records,
      },
      cellsSuppressed: t.suppressedCount,
    };
  },
};

const PROGRAM_OF = { drone_flight: "drones", camera_access: "watch_center", alpr_search: "plate_readers" } as const;
const PREFIX_OF = { drone_flight: "f", camera_access: "acc", alpr_search: "als" } as const;

/** Closed findings with a public summary, and the public ids of the records each covers. */
async function publishClosed(tx: DbOrTx, key: string, timeZone: string) {
  const recs = await queryRows<{
    number: number;
    outcome: string;
    summary: string;
    closed_on: string;
    record_type: keyof typeof PROGRAM_OF;
    source: string;
    external_id: string;
    day: string;
  }>(
    tx,
    sql`select f.id::int as number, f.outcome::text as outcome, f.public_summary as summary,
          to_char((f.closed_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as closed_on,
          r.record_type::text as record_type, x.source, x.external_id,
          to_char((x.at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day
        from findings f
        join finding_records r on r.finding_id = f.id
        join (
          select 'drone_flight' as t, id, source, external_id, launched_at as at from drone_flights
          union all select 'camera_access', id, source, external_id, started_at from camera_access_events
          union all select 'alpr_search', id, source, external_id, searched_at from alpr_searches
        ) x on x.t = r.record_type::text and x.id = r.record_id
        where f.status = 'closed' and f.outcome is not null and coalesce(f.public_summary, '') <> ''
        order by f.id`,
  );
  const byNumber = new Map<number, typeof recs>();
  for (const r of recs) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
  const makers = new Map<string, (source: string, externalId: string) => string>();
  const idOf = (t: keyof typeof PREFIX_OF, source: string, externalId: string) => {
    if (!makers.has(t)) makers.set(t, publicIdMaker(PREFIX_OF[t], key));
    return makers.get(t)!(source, externalId);
  };
  const findingsRows: (typeof pubFindings.$inferInsert)[] = [];
  const recordRows: (typeof pubFindingRecords.$inferInsert)[] = [];
  for (const [number, rs] of byNumber) {
    const days = rs.map((r) => r.day).sort();
    findingsRows.push({
      number,
      outcome: rs[0].outcome,
      summary: rs[0].summary,
      closedOn: rs[0].closed_on,
      programs: [...new Set(rs.map((r) => PROGRAM_OF[r.record_type]))].sort().join(","),
      periodStart: days[0],
      periodEnd: days[days.length - 1],
      records: rs.length,
    });
    for (const r of rs)
      recordRows.push({ number, recordType: r.record_type, publicId: idOf(r.record_type, r.source, r.external_id) });
  }
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
  await tx.delete(pubFindingRecords);
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- as above
  await tx.delete(pubFindings);
  if (findingsRows.length > 0) await tx.insert(pubFindings).values(findingsRows);
  for (let i = 0; i < recordRows.length; i += 1000)
    await tx
      .insert(pubFindingRecords)
      .values(recordRows.slice(i, i + 1000))
      .onConflictDoNothing();
  return { findings: findingsRows.length, records: recordRows.length };
}
