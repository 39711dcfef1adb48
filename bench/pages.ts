// Every public page over HTTP on a database already seeded and published (say, the large city's:
// `daylight seed --profile large-city` then `daylight publish --full`), without seeding or
// publishing again: `npm run bench -- pages --database postgres://…/<db> [--uncached]`.
// The city is the one the environment configures (DAYLIGHT_CITY_CONFIG), for the bench and the server.
// --uncached: before each timed GET, a copy of the latest successful publication run is recorded
// under a new id, so every result kept per publication (db/queries/public/per-publication.ts) is
// computed afresh, as for the first visitor after a publication; the copies are deleted at the end.
import postgres from "postgres";
import { city } from "../lib/config/city";
import { openDb } from "../db/client";
import { median } from "./measure";
import { PAGE_TARGET_MS, publicRoutes, timePages, untimedPages } from "./pages-http";
import { benchParams } from "./workloads";

export async function benchPages(o: { database: string; runs: number; port: number; uncached?: boolean }) {
  const lines: string[] = [];
  const log = (s: string) => {
    lines.push(s);
    console.error(s);
  };
  const h = await openDb({ url: o.database, max: 2 });
  let params;
  try {
    params = await benchParams(h.db, city().timeZone);
  } finally {
    await h.close();
  }
  const routes = publicRoutes(params);
  const missing = untimedPages(routes);
  if (missing.length > 0) log(`  WARNING: public pages the bench does not time: ${missing.join(", ")}`);
  log(
    `Pages over HTTP on ${new URL(o.database).pathname.slice(1)} (${city().name}), port ${o.port}, median of ${o.runs} after a warm-up, ${o.uncached ? "UNCACHED (a new publication id before each timed GET)" : "as served (results kept per publication)"}:`,
  );
  const admin = postgres(o.database, { max: 1, onnotice: () => {} });
  const bumped: number[] = [];
  const bump = async () => {
    const [r] = await admin<{ id: number }[]>`
      insert into publication_runs (started_at, finished_at, as_of, rules_version, status, source_counts,
        published_counts, cells_suppressed, error, trigger, fingerprints, scopes)
      select started_at, finished_at, as_of, rules_version, status, source_counts, published_counts,
        cells_suppressed, error, 'bench-uncached', fingerprints, scopes
      from publication_runs where status = 'succeeded' order by id desc limit 1
      returning id`;
    if (r) bumped.push(r.id);
  };
  try {
    const pages = await timePages({
      db: { url: o.database },
      routes,
      runs: o.runs,
      port: o.port,
      log,
      beforeEach: o.uncached ? bump : undefined,
    });
    const met = pages.filter((p) => p.medianMs < PAGE_TARGET_MS).length;
    const slowest = [...pages].sort((a, b) => b.medianMs - a.medianMs).slice(0, 3);
    log(
      `Summary: ${met} of ${pages.length} pages met the ${PAGE_TARGET_MS} ms target${o.uncached ? " uncached" : ""}; median of the medians ${median(pages.map((p) => p.medianMs)).toFixed(1)} ms; slowest: ${slowest.map((p) => `${p.path} ${p.medianMs.toFixed(1)} ms`).join(", ")}`,
    );
  } finally {
    if (bumped.length) await admin`delete from publication_runs where id in ${admin(bumped)}`;
    await admin.end();
  }
  return lines.join("\n");
}
