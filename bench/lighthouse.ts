// Lighthouse on the public pages (issue 23.2): the production server on a published database, and
// Lighthouse 12 (the devDependency, pinned) driving the system's Chromium with its default mobile
// preset (emulated phone, simulated slow 4G and CPU), one page after another. Prints performance and
// accessibility per page against the targets: performance ≥ 95, accessibility 100.
// Run: npm run bench -- lighthouse [--database postgres://…/<seeded, published db>]
// Chromium: CHROMIUM_PATH, default /usr/bin/chromium (Debian's; Lighthouse downloads no browser).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM_PATH } from "../e2e/chromium";
import { startNextServer, type ServerDb } from "./next-server";

const run = promisify(execFile);

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100 };
export const LIGHTHOUSE_PAGES = ["/", "/drones", "/cameras", "/plate-readers", "/cso", "/drones/flights"];

const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

export type LighthouseScores = { performance: number; accessibility: number; tbtMs: number; lcpMs: number };

type Lhr = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  runtimeError?: { message: string };
};

/** Scores (0–100) and two timings from Lighthouse's JSON report. */
export function readLhr(json: string): LighthouseScores {
  const lhr = JSON.parse(json) as Lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const score = (k: string) => Math.round((lhr.categories[k]?.score ?? NaN) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
  };
}

async function lighthouse(url: string, chromePath: string): Promise<LighthouseScores> {
  const cli = path.resolve("node_modules/lighthouse/cli/index.js");
  const { stdout } = await run(
    process.execPath,
    [
      cli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--only-categories=performance,accessibility",
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 << 20, timeout: 240_000 },
  );
  return readLhr(stdout);
}

export async function benchLighthouse(o: { database?: string; dataDir?: string; port: number }) {
  const chromePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (Debian: apt-get install chromium)`);
  if (!existsSync(path.resolve("node_modules/lighthouse/cli/index.js")))
    throw new Error("lighthouse is not installed: npm ci installs it (devDependency)");
  const db: ServerDb = o.database
    ? { url: o.database }
    : { dataDir: path.resolve(o.dataDir ?? process.env.DAYLIGHT_DATA_DIR ?? ".data") };
  const log = (s: string) => console.log(s);
  const server = await startNextServer({ db, port: o.port, log });
  const out = [
    `Lighthouse 12 (mobile preset) with ${chromePath}; targets: performance ≥ ${LIGHTHOUSE_TARGETS.performance}, accessibility ${LIGHTHOUSE_TARGETS.accessibility}`,
    `${"page".padEnd(18)} ${"perf".padStart(5)} ${"a11y".padStart(5)} ${"TBT ms".padStart(7)} ${"LCP ms".padStart(7)}  target`,
  ];
  try {
    for (const p of LIGHTHOUSE_PAGES) {
      // Warm: the first request renders (and fills the page cache); Lighthouse measures a visit.
      await (await fetch(server.baseUrl + p)).arrayBuffer();
      // Lighthouse now and then fails to record a trace (NO_NAVSTART): one more try.
      const s = await lighthouse(server.baseUrl + p, chromePath).catch(() =>
        lighthouse(server.baseUrl + p, chromePath),
      );
      const ok = s.performance >= LIGHTHOUSE_TARGETS.performance && s.accessibility >= LIGHTHOUSE_TARGETS.accessibility;
      out.push(
        `${p.padEnd(18)} ${String(s.performance).padStart(5)} ${String(s.accessibility).padStart(5)} ${s.tbtMs.toFixed(0).padStart(7)} ${s.lcpMs.toFixed(0).padStart(7)}  ${ok ? "met" : "NOT met"}`,
      );
      log(out.at(-1)!);
    }
  } finally {
    await server.stop();
  }
  return out.join("\n");
}
