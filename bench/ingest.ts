// `daylight bench ingest`: a million-row camera-access export through `daylight import` against a
// throwaway Postgres database, next to psql \copy of the same rows into a bare table.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb } from "../db/client";
import { meter, openRows } from "../lib/ingest/read";
import { BENCH_HEADER, writeBenchCsv } from "./ingest-data";

export type IngestBenchOptions = { url: string; rows: number; smallRows: number; keep?: boolean };

type Timed = { seconds: number; peakRssMb: number | null; stdout: string; stderr: string };

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Timed {
  const useTime = existsSync("/usr/bin/time");
  const started = process.hrtime.bigint();
  const r = useTime
    ? spawnSync("/usr/bin/time", ["-f", "PEAK_RSS_KB=%M", cmd, ...args], { env, encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(cmd, args, { env, encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  const m = /PEAK_RSS_KB=(\d+)/.exec(r.stderr);
  return { seconds, peakRssMb: m ? Math.round(Number(m[1]) / 1024) : null, stdout: r.stdout, stderr: r.stderr };
}

async function withDatabase<T>(base: string, name: string, keep: boolean, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    if (!keep) {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    }
  }
}

/** The seconds the import's report gives before `phrase` (", 7.5 s of it merging…"), or null. */
function reportedSeconds(stdout: string, phrase: string): string | null {
  return new RegExp(`, ([\\d.]+) s of it ${phrase}`).exec(stdout)?.[1] ?? null;
}

/** The import's reader alone (size limit, SHA-256, its CSV parser), over the whole file: a floor for any import in Node. */
async function readOnly(file: string): Promise<{ seconds: number; rows: number }> {
  const t0 = process.hrtime.bigint();
  const opened = await openRows(meter(createReadStream(file), Number.MAX_SAFE_INTEGER).stream);
  let rows = 0;
  for await (const batch of opened.batches) rows += batch.length;
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, rows };
}

/** One import of `rows` rows into a fresh database, and \copy of the same file for comparison. */
async function measure(o: IngestBenchOptions, dir: string, rows: number) {
  const file = path.join(dir, `camera-access-${rows}.csv`);
  const genStart = Date.now();
  await writeBenchCsv(file, rows);
  const genSeconds = (Date.now() - genStart) / 1000;
  const name = `daylight_bench_ingest_${process.pid}_${rows}`;
  return withDatabase(o.url, name, !!o.keep, async (url) => {
    const h = await openDb({ url, max: 1 });
    await h.migrate();
    await h.close();
    const root = path.resolve(__dirname, "..");
    const env = { ...process.env, DATABASE_URL: url, DAYLIGHT_IMPORT_MAX_BYTES: String(4 * 1024 ** 3) };
    // bin/daylight.mjs, as `npx daylight import` runs it (with the Node flags it sets).
    const imp = run(
      process.execPath,
      [path.join(root, "bin/daylight.mjs"), "import", "camera_access", file, "--no-publish"],
      env,
    );
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const [{ n }] = await sql`select count(*)::int as n from camera_access_events`;
    await sql.unsafe(
      `create table bench_copy (${BENCH_HEADER.split(",")
        .map((c) => `"${c}" text`)
        .join(", ")})`,
    );
    await sql.end();
    const copy = run(
      "psql",
      [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy bench_copy from '${file}' with (format csv, header true)`],
      process.env,
    );
    // The floor for this table: \copy of the already-resolved rows into a copy of camera_access_events
    // with the same indexes and foreign keys (what any loader must pay, before parsing or checking).
    const resolved = path.join(dir, `resolved-${rows}.csv`);
    const cols =
      "source, external_id, personnel_id, agency_id, user_role, camera_id, operation, footage_start, footage_end, started_at, ended_at, reason_code, reason_text, case_number, client_app, shared_with_agency_id";
    run(
      "psql",
      [
        url,
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        `\\copy (select ${cols} from camera_access_events) to '${resolved}' with (format csv)`,
      ],
      process.env,
    );
    const ddl = postgres(url, { max: 1, onnotice: () => {} });
    await ddl.unsafe(`create table bench_indexed (like camera_access_events including all);
      alter table bench_indexed add foreign key (personnel_id) references personnel(id), add foreign key (agency_id) references agencies(id),
        add foreign key (camera_id) references cameras(id), add foreign key (shared_with_agency_id) references agencies(id)`);
    await ddl.end();
    const indexed = run(
      "psql",
      [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy bench_indexed (${cols}) from '${resolved}' with (format csv)`],
      process.env,
    );
    const read = await readOnly(file);
    return {
      rows,
      bytes: statSync(file).size,
      genSeconds,
      imported: n as number,
      imp,
      copy,
      indexed,
      read,
      dbWaitSeconds: reportedSeconds(imp.stdout, "waiting for the database"),
      mergeSeconds: reportedSeconds(imp.stdout, "merging into the table"),
    };
  });
}

export async function benchIngest(o: IngestBenchOptions): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "daylight-bench-ingest-"));
  const lines: string[] = [];
  try {
    const results = [];
    for (const rows of [o.smallRows, o.rows].filter((n, i, a) => n > 0 && a.indexOf(n) === i)) {
      const r = await measure(o, dir, rows);
      results.push(r);
      const ratio = r.imp.seconds / r.copy.seconds;
      lines.push(
        `${r.rows.toLocaleString("en-US")} rows (${(r.bytes / 1024 / 1024).toFixed(0)} MB CSV, generated in ${r.genSeconds.toFixed(1)} s):`,
        `  daylight import : ${r.imp.seconds.toFixed(1)} s, ${Math.round(r.rows / r.imp.seconds).toLocaleString("en-US")} rows/s, peak RSS ${r.imp.peakRssMb ?? "?"} MB, ${r.imported.toLocaleString("en-US")} rows in camera_access_events`,
        `    (of which the import itself, after process start-up: ${/rejected \(([\d.]+) s/.exec(r.imp.stdout)?.[1] ?? "?"} s)`,
        `  psql \\copy      : ${r.copy.seconds.toFixed(1)} s, ${Math.round(r.rows / r.copy.seconds).toLocaleString("en-US")} rows/s (bare table, no validation, no indexes)`,
        `  psql \\copy of the resolved rows into an indexed copy of the table (same indexes and foreign keys): ${r.indexed.seconds.toFixed(1)} s`,
        `  ratio import / \\copy (bare table): ${ratio.toFixed(2)}x (target ≤ 3x); import / \\copy (indexed table): ${(r.imp.seconds / r.indexed.seconds).toFixed(2)}x`,
        `  of the import, ${r.dbWaitSeconds ?? "?"} s were spent waiting for the database, ${r.mergeSeconds ?? "?"} s of them in the final merge (the rest, staging batches, overlaps parsing)`,
        `  the import's reader alone (CSV parser, size limit, SHA-256; no checks, no database): ${r.read.seconds.toFixed(1)} s for ${r.read.rows.toLocaleString("en-US")} rows = ${(r.read.seconds / r.copy.seconds).toFixed(2)}x the bare \\copy`,
      );
      if (r.imported !== r.rows) lines.push(`  WARNING: expected ${r.rows} rows imported, found ${r.imported}`);
    }
    if (results.length === 2 && results[0].imp.peakRssMb && results[1].imp.peakRssMb) {
      lines.push(
        `Memory: peak RSS ${results[0].imp.peakRssMb} MB at ${results[0].rows.toLocaleString("en-US")} rows vs ${results[1].imp.peakRssMb} MB at ${results[1].rows.toLocaleString("en-US")} rows (streamed: flat when these are close).`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join("\n");
}
