// Public pages under load (issue 23.1): the production server on a published database, and wrk
// (-t2 -c32) against a static chunk and each public page, one after another in the same run. The
// static chunk is the issue's reference, a file Next serves as it is; the cached pages, which the
// server answers before Next (scripts/front-cache.mjs), now go faster than it. Prints requests/s,
// the ratio to the static chunk, p99 latency and errors, against the targets: at least 1/3 of the
// static rate, p99 under 100 ms, no errors.
// Run: npm run bench -- load [--database postgres://…/<seeded, published db>] [--seconds 10]
// Without --database: the embedded database in DAYLIGHT_DATA_DIR (or .data), as `npm start` uses.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { startNextServer, type ServerDb } from "./next-server";

const run = promisify(execFile);

export const LOAD_TARGETS = { shareOfStatic: 1 / 3, p99Ms: 100 };

export type WrkResult = { rps: number; p99Ms: number; errors: number; requests: number };

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Requests/s, p99 latency, and non-2xx/3xx plus socket errors from wrk's `--latency` output. */
export function parseWrk(out: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(out);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = sock ? sock.slice(1).reduce((s, x) => s + Number(x), 0) : 0;
  if (!Number.isFinite(rps) || !p99) throw new Error(`could not read wrk's output:\n${out}`);
  return { rps, p99Ms: Number(p99[1]) * unitMs[p99[2]], errors: non2xx + socketErrors, requests };
}

/**
 * How the pages are asked for: as wrk does by default (no Accept-Encoding: the body as it is), and
 * as a browser does (Chromium's Accept-Encoding), where the server compresses each response.
 */
export const LOAD_CODINGS = [
  { name: "plain (wrk's default request)", headers: [] as string[] },
  {
    name: "as a browser asks (Accept-Encoding: gzip, deflate, br, zstd)",
    headers: ["Accept-Encoding: gzip, deflate, br, zstd"],
  },
];

async function wrk(url: string, seconds: number, headers: string[] = []): Promise<WrkResult> {
  const h = headers.flatMap((x) => ["-H", x]);
  const { stdout } = await run("wrk", ["-t2", "-c32", `-d${seconds}s`, "--latency", ...h, url], {
    maxBuffer: 1 << 20,
  });
  return parseWrk(stdout);
}

export const LOAD_PAGES = [
  { name: "home", path: "/" },
  { name: "drones", path: "/drones" },
  { name: "cameras", path: "/cameras" },
  { name: "flight log", path: "/drones/flights" },
  { name: "flight log, filtered", path: "/drones/flights?outcome=cleared_no_patrol&sort=duration&dir=desc&page=2" },
];

export async function benchLoad(o: { database?: string; dataDir?: string; seconds: number; port: number }) {
  try {
    await run("wrk", ["--version"]).catch((e: { stdout?: string }) => {
      if (!e.stdout?.includes("wrk")) throw e;
    });
  } catch {
    throw new Error("wrk is not installed (Debian: apt-get install wrk)");
  }
  const db: ServerDb = o.database
    ? { url: o.database }
    : { dataDir: path.resolve(o.dataDir ?? process.env.DAYLIGHT_DATA_DIR ?? ".data") };
  const out: string[] = [];
  const log = (s: string) => console.log(s);
  const server = await startNextServer({ db, port: o.port, log });
  try {
    const home = await (await fetch(server.baseUrl + "/")).text();
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(home)?.[0];
    if (!chunk) throw new Error("no /_next/static chunk referenced by the home page");
    for (const p of LOAD_PAGES) {
      const r = await fetch(server.baseUrl + p.path);
      if (r.status !== 200) throw new Error(`${p.path} answered ${r.status}: is the database published?`);
      await r.arrayBuffer();
    }
    log(`  wrk -t2 -c32 -d${o.seconds}s --latency, one URL after another`);
    for (const coding of LOAD_CODINGS) {
      const base = await wrk(server.baseUrl + chunk, o.seconds, coding.headers);
      out.push(
        `Public pages under load, ${coding.name} (wrk -t2 -c32 -d${o.seconds}s; targets: ≥ 1/3 of the static rate, p99 < ${LOAD_TARGETS.p99Ms} ms, no errors)`,
        `${"URL".padEnd(60)} ${"req/s".padStart(8)} ${"× static".padStart(9)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}  target`,
        `${("static chunk " + chunk.slice(0, 40)).padEnd(60)} ${base.rps.toFixed(0).padStart(8)} ${"1.00".padStart(9)} ${base.p99Ms.toFixed(1).padStart(8)} ${String(base.errors).padStart(7)}  (reference)`,
      );
      for (const p of LOAD_PAGES) {
        const r = await wrk(server.baseUrl + p.path, o.seconds, coding.headers);
        const share = r.rps / base.rps;
        const ok =
          r.requests > 0 && share >= LOAD_TARGETS.shareOfStatic && r.p99Ms < LOAD_TARGETS.p99Ms && r.errors === 0;
        out.push(
          `${`${p.name} ${p.path}`.slice(0, 60).padEnd(60)} ${r.rps.toFixed(0).padStart(8)} ${share.toFixed(2).padStart(9)} ${(r.requests > 0 ? r.p99Ms.toFixed(1) : "—").padStart(8)} ${String(r.errors).padStart(7)}  ${ok ? "met" : "NOT met"}`,
        );
      }
      out.push("");
    }
  } finally {
    await server.stop();
  }
  return out.join("\n");
}
