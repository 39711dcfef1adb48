// The review queue on a seeded database (the demo by default): share of records flagged, the
// top of the ranked queue, and the median time of the queue's default view (people by score,
// first page, with its counts and filter menus) and of the records view sorted by score.
// Run: DATABASE_URL=postgres://…/<demo db> npx tsx --conditions=react-server bench/review-queue.ts
// (without DATABASE_URL: the embedded database in DAYLIGHT_DATA_DIR or .data).
import { sql } from "drizzle-orm";
import { openDb } from "../db/client";
import { listPeople, queueFacets } from "../db/queries/review/people";
import { listQueue, queueCounts } from "../db/queries/review/queue";
import { queryRows } from "../db/sql";
import { loadAnomalyConfig } from "../lib/anomalies/config";
import { env } from "../lib/env";
import { medianMs } from "./measure";

async function main() {
  const e = env();
  const h = e.DATABASE_URL ? await openDb({ url: e.DATABASE_URL, max: 4 }) : await openDb({ holder: "review bench" });
  try {
    const [c] = await queryRows<{ flagged: number; records: number }>(
      h.db,
      sql`select (select count(*) from (select distinct record_type, record_id from anomaly_flags) f)::int as flagged,
        ((select count(*) from camera_access_events) + (select count(*) from alpr_searches) + (select count(*) from drone_flights))::int as records`,
    );
    console.log(
      `Flagged: ${c.flagged} of ${c.records} records (${((100 * c.flagged) / c.records).toFixed(2)}%), camera accesses, plate searches and flights.`,
    );
    const weights = loadAnomalyConfig().weights;
    const top = await listPeople(h.db, { filters: {}, weights, page: 1, pageSize: 5 });
    console.log("Top of the queue:");
    for (const p of top.rows)
      console.log(
        `  ${String(p.score).padStart(5)}  ${p.name} (${p.role}): ${p.records} records, ${p.rules.map((r) => `${r.n} ${r.rule}`).join(", ")}`,
      );
    const defaultView = () =>
      Promise.all([
        listPeople(h.db, { filters: {}, weights, page: 1, pageSize: 25 }),
        queueCounts(h.db),
        queueFacets(h.db),
      ]);
    const records = () => listQueue(h.db, { filters: {}, weights, sort: "score", dir: "desc", page: 1, pageSize: 25 });
    console.log(
      `Default view (people by score + counts + filter menus): median ${(await medianMs(defaultView, 9)).toFixed(0)} ms`,
    );
    console.log(`Records view sorted by score, first page: median ${(await medianMs(records, 9)).toFixed(0)} ms`);
  } finally {
    await h.close();
  }
}

void main();
