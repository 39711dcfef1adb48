// The review queue on a seeded database (the demo, or `daylight seed --scale 100` then
// `daylight flags`): share of records flagged, the top of the ranked queue, and the median time of
// the queue's default view (people by score, first page, with its counts and filter menus), of
// the records view sorted by score, and of a top person's records with next/previous. Target (issue 20): the default view under 300 ms at scale 100.
// Run: npm run bench -- review-queue --database postgres://…/<seeded db>  (DATABASE_URL when no
// --database; without either, the embedded database in DAYLIGHT_DATA_DIR or .data). The database
// is only read, never dropped.
import { sql } from "drizzle-orm";
import { openDb } from "../db/client";
import { listPeople, queueFacets } from "../db/queries/review/people";
import { listQueue, queueCounts, queueNeighbours } from "../db/queries/review/queue";
import { queryRows } from "../db/sql";
import { medianMs } from "./measure";

export const REVIEW_QUEUE_TARGET_MS = 300;

export async function benchReviewQueue(o: { database?: string; runs: number }): Promise<string> {
  const h = o.database ? await openDb({ url: o.database, max: 4 }) : await openDb({ holder: "review bench" });
  const out: string[] = [];
  try {
    const [c] = await queryRows<{
      flagged: number;
      records: number;
      accesses: number;
      searches: number;
      flights: number;
    }>(
      h.db,
      sql`select (select count(*) from (select distinct record_type, record_id from anomaly_flags) f)::int as flagged,
        (select count(*) from camera_access_events)::int as accesses, (select count(*) from alpr_searches)::int as searches,
        (select count(*) from drone_flights)::int as flights`,
    );
    const records = c.accesses + c.searches + c.flights;
    out.push(
      `Records: ${records.toLocaleString("en-US")} (${c.accesses.toLocaleString("en-US")} camera accesses, ${c.searches.toLocaleString("en-US")} plate searches, ${c.flights.toLocaleString("en-US")} flights)`,
      `Flagged: ${c.flagged.toLocaleString("en-US")} records (${records ? ((100 * c.flagged) / records).toFixed(2) : "0.00"}% of all records)`,
    );
    if (c.flagged === 0) out.push("  No flags: run `daylight flags` on this database first.");
    const top = await listPeople(h.db, { filters: {}, page: 1, pageSize: 5 });
    out.push("Top of the queue:");
    for (const p of top.rows)
      out.push(
        `  ${String(Math.round(p.score)).padStart(6)}  ${p.name} (${p.role}): ${p.records} records, ${p.rules.map((r) => `${r.n} ${r.rule}`).join(", ")}`,
      );
    const defaultView = () =>
      Promise.all([listPeople(h.db, { filters: {}, page: 1, pageSize: 25 }), queueCounts(h.db), queueFacets(h.db)]);
    const peopleOnly = () => listPeople(h.db, { filters: {}, page: 1, pageSize: 25 });
    const recordsView = () => listQueue(h.db, { filters: {}, sort: "score", dir: "desc", page: 1, pageSize: 25 });
    const d = await medianMs(defaultView, o.runs);
    out.push(
      `Default view (people by score + counts + filter menus), median of ${o.runs}: ${d.toFixed(0)} ms (target < ${REVIEW_QUEUE_TARGET_MS} ms: ${d < REVIEW_QUEUE_TARGET_MS ? "met" : "NOT met"})`,
      `  people list alone: ${(await medianMs(peopleOnly, o.runs)).toFixed(0)} ms`,
      `Records view sorted by score, first page: ${(await medianMs(recordsView, o.runs)).toFixed(0)} ms`,
    );
    // A top person's records, and next/previous from the first of them (what an auditor does next).
    const who = top.rows[0]?.personnelId;
    if (who !== undefined) {
      const p = { filters: { personnelId: who }, sort: "score" as const, dir: "desc" as const };
      const first = (await listQueue(h.db, { ...p, page: 1, pageSize: 25 })).rows[0];
      out.push(
        `Top person's records, first page: ${(await medianMs(() => listQueue(h.db, { ...p, page: 1, pageSize: 25 }), o.runs)).toFixed(0)} ms`,
      );
      if (first) {
        const at = { recordType: first.record_type, recordId: first.record_id };
        out.push(
          `  next/previous from their first record: ${(await medianMs(() => queueNeighbours(h.db, p, at), o.runs)).toFixed(0)} ms`,
        );
      }
    }
    return out.join("\n");
  } finally {
    await h.close();
  }
}
