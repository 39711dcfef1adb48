// `daylight bench <suite>` (npm run bench -- <suite>): performance benchmarks against a Postgres
// server. Each suite is one entry in `suites`; they create and drop their own throwaway databases.
import type { Command } from "commander";
import { z } from "zod";
import { benchIngest } from "../../bench/ingest";
import { benchLighthouse } from "../../bench/lighthouse";
import { benchLoad } from "../../bench/load";
import { benchPages } from "../../bench/pages";
import { benchPublishPages } from "../../bench/publish-pages";
import { benchPublishWait } from "../../bench/publish-wait";
import { benchPublishIncremental } from "../../bench/publish-incremental";
import { benchReviewQueue } from "../../bench/review-queue";
import { env } from "../../lib/env";
import { CliError } from "../errors";

type BenchOpts = {
  rows?: string;
  smallRows?: string;
  keep?: boolean;
  url?: string;
  scale?: string;
  runs?: string;
  publishRuns?: string;
  http?: boolean;
  httpPort?: string;
  database?: string;
  seconds?: string;
  uncached?: boolean;
};

/** A whole-number option within its range, or a CliError that says what it must be. */
function whole(value: string | undefined, fallback: number, min: number, max: number, what: string): number {
  const r = z.coerce
    .number()
    .int()
    .min(min)
    .max(max)
    .safeParse(value ?? fallback);
  if (!r.success) throw new CliError(`${what} must be a whole number from ${min} to ${max}`);
  return r.data;
}
/** --scale: a positive number up to 1000, or a CliError. */
function scaleOf(o: BenchOpts, fallback: number): number {
  const r = z.coerce
    .number()
    .positive()
    .max(1000)
    .safeParse(o.scale ?? fallback);
  if (!r.success) throw new CliError("--scale must be a positive number up to 1000");
  return r.data;
}
const port = (o: BenchOpts) => whole(o.httpPort, 3200, 1024, 65535, "--http-port");
const database = (url: string | undefined, what: string) => {
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new CliError(`--database must be a postgres:// URL of ${what}`);
  return url;
};

const suites: Record<string, { describe: string; run(o: BenchOpts): Promise<string> }> = {
  publish: {
    describe:
      "seed --scale N, time publication, each public page's queries vs naive raw-table queries, and every public page over HTTP on the production server (PGlite without DATABASE_URL)",
    async run(o) {
      const scale = scaleOf(o, 100);
      return benchPublishPages({
        url: o.url ?? env().DATABASE_URL,
        scale,
        runs: whole(o.runs, 15, 1, 200, "--runs"),
        publishRuns: whole(o.publishRuns, 3, 1, 20, "--publish-runs"),
        keep: o.keep,
        http: o.http,
        port: port(o),
        database: database(o.database, "a seeded database"),
      });
    },
  },
  "publish-wait": {
    describe:
      "the longest a public read waits while a publication runs (seed --scale N, default 1, the demo; --publish-runs publications, medians; PGlite without DATABASE_URL)",
    async run(o) {
      const scale = scaleOf(o, 1);
      return benchPublishWait({
        url: o.url ?? env().DATABASE_URL,
        scale,
        runs: whole(o.publishRuns, 5, 1, 20, "--publish-runs"),
        keep: o.keep,
      });
    },
  },
  "publish-incremental": {
    describe:
      "a full publication, then --publish-runs hours of new records each published incrementally: times, median and ratio (--database: a copy of that seeded database, else seed --scale N, default 100; PGlite without DATABASE_URL)",
    async run(o) {
      const scale = scaleOf(o, 100);
      return benchPublishIncremental({
        url: o.url ?? env().DATABASE_URL,
        database: database(o.database, "a seeded database"),
        scale,
        runs: whole(o.publishRuns, 3, 1, 20, "--publish-runs"),
      });
    },
  },
  pages: {
    describe:
      "every public page over HTTP on the production server, on a database already seeded and published (--database; not published again), median of --runs; --uncached: nothing kept per publication (a new publication id before each timed GET)",
    async run(o) {
      const url = database(o.database, "a seeded, published database");
      if (!url) throw new CliError("pages needs --database postgres://…/<a seeded, published database>");
      return benchPages({
        database: url,
        runs: whole(o.runs, 15, 1, 200, "--runs"),
        port: port(o),
        uncached: o.uncached,
      });
    },
  },
  "review-queue": {
    describe:
      "share of records flagged and the median time of the review queue's default view on a seeded database (--database, else DATABASE_URL; read only)",
    async run(o) {
      return benchReviewQueue({
        database: database(o.database ?? env().DATABASE_URL, "a seeded database"),
        runs: whole(o.runs, 15, 1, 200, "--runs"),
      });
    },
  },
  "review-http": {
    describe:
      "the review queue over HTTP on the production server, signed in as the demo auditor in the system Chromium: median of --runs GETs of each queue view (--database: a seeded, flagged database)",
    async run(o) {
      const url = database(o.database ?? env().DATABASE_URL, "a seeded, flagged database");
      if (!url) throw new CliError("review-http needs --database postgres://…/<a seeded, flagged database>");
      // Loaded here: Playwright is a devDependency.
      const { benchReviewHttp } = await import("../../bench/review-http");
      return benchReviewHttp({ database: url, runs: whole(o.runs, 15, 1, 200, "--runs"), port: port(o) });
    },
  },
  load: {
    describe:
      "public pages under load: wrk -t2 -c32 against a static chunk and /, /drones, /cameras, the flight log (plain and filtered) on the production server; --database, else the embedded database in DAYLIGHT_DATA_DIR or .data",
    async run(o) {
      return benchLoad({
        database: database(o.database, "a seeded, published database"),
        seconds: whole(o.seconds, 10, 1, 120, "--seconds"),
        port: port(o),
      });
    },
  },
  lighthouse: {
    describe:
      "Lighthouse 12 (mobile preset, the system's Chromium) on /, /drones, /cameras, /plate-readers, /cso and the flight log on the production server: performance and accessibility per page; --database, else the embedded database in DAYLIGHT_DATA_DIR or .data",
    async run(o) {
      return benchLighthouse({
        database: database(o.database, "a seeded, published database"),
        port: port(o),
      });
    },
  },
  ingest: {
    describe: "1,000,000-row camera-access CSV through `daylight import` vs psql \\copy",
    async run(o) {
      return benchIngest({
        url: serverUrl(o),
        rows: whole(o.rows, 1_000_000, 1, 100_000_000, "--rows"),
        smallRows: whole(o.smallRows, 100_000, 0, 100_000_000, "--small-rows"),
        keep: o.keep,
      });
    },
  },
  "csv-parsers": {
    describe:
      "CSV parsers: csv-parse (the import's former parser, the reference), papaparse (the import's reader) and uDSV: identical records on the behaviour fixture, then time, rows/s and peak RSS growth streaming a --rows vendor-shaped file (no database)",
    async run(o) {
      // Loaded here: uDSV, one of the parsers compared, is a devDependency (npm ci installs it).
      const { benchCsvParsers } = await import("../../bench/csv-parsers");
      return benchCsvParsers({ rows: whole(o.rows, 1_000_000, 1, 100_000_000, "--rows") });
    },
  },
};

function serverUrl(o: BenchOpts): string {
  const url = o.url ?? env().DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError("--url must be a postgres:// URL");
  return url;
}

export function register(program: Command): void {
  program
    .command("bench")
    .description(
      `Run a benchmark against a Postgres server (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). Suites: ${Object.keys(suites).join(", ")}`,
    )
    .argument(
      "[suite]",
      Object.entries(suites)
        .map(([k, v]) => `${k}: ${v.describe}`)
        .join("; "),
      "publish",
    )
    .option("--rows <n>", "rows for the ingest and csv-parsers benchmarks", "1000000")
    .option("--small-rows <n>", "a smaller run first, to show memory stays flat (0 to skip)", "100000")
    .option(
      "--scale <n>",
      "demo data scale for the publish benchmark (default 100 = about 300,000 flights) and publish-wait (default 1)",
    )
    .option("--runs <n>", "timed runs per page for the publish benchmark (median reported)", "15")
    .option(
      "--publish-runs <n>",
      "publish and publish-wait benchmarks: publications timed one after another (median reported; default 3 and 5)",
    )
    .option("--no-http", "publish benchmark: time the queries only, not the pages over HTTP")
    .option("--http-port <n>", "publish benchmark: port for the production server that serves the pages", "3200")
    .option("--url <postgres-url>", "server to create the throwaway databases on")
    .option("--keep", "keep the throwaway databases")
    .option("--seconds <n>", "load benchmark: seconds wrk runs per URL", "10")
    .option("--uncached", "pages benchmark: time each page as the first visitor after a publication does")
    .option(
      "--database <postgres-url>",
      "publish benchmark: re-time a database already seeded (say, by a --keep run) instead of seeding a new one; it is published again and kept",
    )
    .action(async (suite: string, o: BenchOpts) => {
      const s = suites[suite];
      if (!s) throw new CliError(`Unknown benchmark "${suite}". Suites: ${Object.keys(suites).join(", ")}`);
      console.log(await s.run(o));
    });
}
