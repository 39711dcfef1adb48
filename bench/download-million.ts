// Benchmark: a 1,000,000-row CSV download end to end.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//      node --conditions=react-server --import tsx bench/download-million.ts [rows]
// Fills pub_flights in a throwaway database with generate_series, streams the download through the
// same handler as /api/v1/drone-flights.csv, and reports time, rows, bytes and peak memory.
import { sql } from "drizzle-orm";
import { openDataSource } from "../db/queries/public/opendata";
import { handleDatasetGet } from "../server/opendata/http/dataset";
import { createTestDb } from "../tests/helpers/db";

const rows = Number(process.argv[2] ?? 1_000_000);

async function main() {
  const t = await createTestDb();
  try {
    const t0 = Date.now();
    await t.db.execute(sql`
      insert into pub_flights (public_id, started_at, time_precision, local_date, week_start, local_hour, category,
        category_label, sensitive, area_slug, area_name, h3_cell, h3_res, dock_slug, dock_name, dock_site, duration_min,
        time_to_scene_min, outcome, first_on_scene, linked_to_call, path)
      select 'f-' || lpad(to_hex(g), 8, '0'), timestamptz '2025-10-01 00:00Z' + (g / 3) * interval '1 minute', 'hour',
        date '2025-10-01' + (g / 4000), date '2025-10-01', (g % 24), 'alarm', 'Alarm, "audible"', false, 'old-town', 'Old Town',
        '8829a56535fffff', 8, 'dock-marina', 'Marina Fire Station Dock', 'Fire Station 2 roof, Marina Way & Pier Rd',
        10 + g % 30, 2.5, 'no_action', true, true, null
      from generate_series(1, ${rows}) g`);
    console.log(`filled ${rows.toLocaleString()} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s (${t.kind})`);
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    sample();
    const startRss = process.memoryUsage().rss;
    const t1 = Date.now();
    const res = await handleDatasetGet(
      new Request("http://localhost/api/v1/drone-flights.csv", { headers: { "x-forwarded-for": "bench" } }),
      "drone-flights.csv",
      openDataSource(t.db),
    );
    const reader = res.body!.getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      sample();
    }
    const s = (Date.now() - t1) / 1000;
    console.log(
      `streamed ${(lines - 1).toLocaleString()} rows + header, ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s (${Math.round((lines - 1) / s).toLocaleString()} rows/s)`,
    );
    console.log(
      `memory: rss at start ${(startRss / 1e6).toFixed(0)} MB, peak rss ${(peakRss / 1e6).toFixed(0)} MB, peak heap ${(peakHeap / 1e6).toFixed(0)} MB; file ${(bytes / 1e6).toFixed(0)} MB`,
    );
  } finally {
    await t.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
