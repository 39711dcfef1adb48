// Server time of every public page over real HTTP: the production server on the bench's published
// database, one warm-up GET per page and then `runs` sequential GETs, each timed from the request
// to the last byte of the body; the median is compared with the 100 ms target.
import { readdirSync } from "node:fs";
import path from "node:path";
import { median } from "./measure";
import { startNextServer, tail, type ServerDb } from "./next-server";
import type { BenchParams } from "./workloads";

export const PAGE_TARGET_MS = 100;

export type PageRoute = { name: string; path: string };
export type PageTiming = PageRoute & { status: number; medianMs: number; bytes: number };

const qs = (o: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();

/** Every public page (and one open-data API page), with the views the query workloads time. */
export function publicRoutes(p: BenchParams): PageRoute[] {
  const fl = p.flightLog;
  const al = p.accessLog;
  const n = p.nearby;
  const routes: PageRoute[] = [
    { name: "home", path: "/" },
    { name: "drones", path: "/drones" },
    { name: "flight log", path: "/drones/flights" },
    {
      name: "flight log, filtered + sorted",
      path: `/drones/flights?${qs({ ...fl.filters, sort: fl.sort, dir: fl.dir, page: fl.page })}`,
    },
    { name: "flight permalink", path: `/drones/flights/${p.flightId}` },
    {
      name: "was that a police drone? (1 day)",
      path: `/drones/nearby?${qs({ lat: n.lat, lon: n.lon, date: n.date, hour: n.hour, hours: n.hours })}`,
    },
    { name: "cameras", path: "/cameras" },
    { name: "camera access log", path: "/cameras/access-log" },
    ...(p.accessId ? [{ name: "a camera access", path: `/cameras/access-log/${p.accessId}` }] : []),
    {
      name: "camera access log, filtered + sorted",
      path: `/cameras/access-log?${qs({ ...al.filters, sort: al.sort, dir: al.dir, page: al.page })}`,
    },
    { name: "plate readers", path: "/plate-readers" },
    ...(p.searchId ? [{ name: "a plate search", path: `/plate-readers/searches/${p.searchId}` }] : []),
    { name: "community safety officers", path: "/cso" },
    { name: "CSO well-being", path: "/well-being" },
    { name: "findings", path: "/findings" },
    { name: "reports", path: "/reports" },
    ...(p.report ? [{ name: "an annual report", path: `/reports/${p.report.program}/${p.report.year}` }] : []),
    { name: "council", path: "/council" },
    { name: "council, print", path: "/council/print" },
    { name: "council, prioritization", path: "/council/prioritization" },
    { name: "costs", path: "/costs" },
    { name: "audit", path: "/audit" },
    { name: "open data", path: "/data" },
    { name: "open data API docs", path: "/data/api" },
    { name: "methodology", path: "/data/methodology" },
    { name: "policies", path: "/policies" },
  ];
  if (p.policySlug) {
    routes.push({ name: "a policy", path: `/policies/${p.policySlug}` });
    routes.push({ name: "a policy's changes", path: `/policies/${p.policySlug}/diff` });
  }
  routes.push({ name: "updates", path: "/updates" });
  if (p.updateSlug) routes.push({ name: "an update", path: `/updates/${p.updateSlug}` });
  routes.push(
    { name: "feedback", path: "/feedback" },
    { name: "feedback form", path: "/feedback/new" },
    { name: "API: 100 flights", path: "/api/v1/drone-flights?limit=100" },
  );
  return routes;
}

/** Public pages under app/(public) that no route above reaches (a new page the bench misses). */
export function untimedPages(routes: PageRoute[], root = process.cwd()): string[] {
  const dir = path.join(root, "app/(public)");
  const pages = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "page.tsx")
    .map(
      (f) =>
        `/${path
          .dirname(f)
          .split(path.sep)
          .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
          .join("/")}`,
    );
  const paths = routes.map((r) => r.path.split("?")[0]);
  return pages.filter((page) => {
    const re = new RegExp(`^${page.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
    return !paths.some((p) => re.test(p));
  });
}

/** Starts the server on the bench database, times every route, stops the server (always). */
export async function timePages(o: {
  db: ServerDb;
  routes: PageRoute[];
  runs: number;
  port: number;
  log(s: string): void;
  /** Run before each timed GET (not the warm-up): e.g. a new publication id, so nothing is served from memory. */
  beforeEach?: () => Promise<void>;
}): Promise<PageTiming[]> {
  const server = await startNextServer({ db: o.db, port: o.port, log: (s) => o.log(s) });
  const out: PageTiming[] = [];
  const failed: string[] = [];
  try {
    for (const r of o.routes) {
      if (server.interrupted()) throw new Error("interrupted");
      const url = server.baseUrl + r.path;
      const warm = await get(url);
      if (warm.status !== 200) {
        failed.push(`${r.path} (HTTP ${warm.status})`);
        o.log(`  GET ${r.path}: FAILED, HTTP ${warm.status}: ${warm.snippet}`);
        continue;
      }
      const times: number[] = [];
      let status = 200;
      let bytes = warm.bytes;
      for (let i = 0; i < o.runs && status === 200; i++) {
        await o.beforeEach?.();
        const g = await get(url);
        ({ status, bytes } = g);
        times.push(g.ms);
      }
      if (status !== 200) {
        failed.push(`${r.path} (HTTP ${status})`);
        o.log(`  GET ${r.path}: FAILED on a timed run, HTTP ${status}`);
        continue;
      }
      const ms = median(times);
      out.push({ ...r, status, medianMs: ms, bytes });
      // The first request also loads the page's code and fills what is kept per publication
      // (db/queries/public/per-publication.ts): printed so a cached figure never stands alone.
      o.log(
        `  GET ${r.path}: ${ms.toFixed(1)} ms (${ms < PAGE_TARGET_MS ? "met" : "NOT met"}; first request ${warm.ms.toFixed(0)} ms), HTTP ${status}, ${(bytes / 1024).toFixed(0)} kB — ${r.name}`,
      );
    }
  } catch (e) {
    if (server.interrupted()) throw new Error("interrupted: the server was stopped and the throwaway database dropped");
    throw e;
  } finally {
    const output = server.output();
    await server.stop();
    if (failed.length > 0) o.log(`  server output (last lines):\n${tail(output)}`);
  }
  if (failed.length > 0) throw new Error(`${failed.length} page(s) did not answer 200: ${failed.join(", ")}`);
  return out;
}

async function get(url: string): Promise<{ ms: number; status: number; bytes: number; snippet: string }> {
  const t = process.hrtime.bigint();
  const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(120_000) });
  const body = await res.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const snippet = res.status === 200 ? "" : Buffer.from(body).toString("utf8").replace(/\s+/g, " ").slice(0, 200);
  return { ms, status: res.status, bytes: body.byteLength, snippet };
}
