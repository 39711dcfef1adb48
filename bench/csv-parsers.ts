// `daylight bench csv-parsers`: csv-parse, as the import configured it until papaparse replaced it
// (the reference), against papaparse (the import's reader) and uDSV. First each must give exactly
// csv-parse's records and lines on the behaviour fixture and the ingest tests' CSV fixtures, read
// whole and in small chunks; then each streams the same generated vendor-shaped file (BOM, quoted
// commas, two-line notes, empty cells), 3 runs in turn, each in a process of its own (peak RSS is
// its own), and once more with the old generation capped far below the file (it must stream).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { CsvReader } from "../lib/ingest/csv-records";
import { CSV_CASES } from "../tests/fixtures/csv-behaviour";
import { CSV_READERS } from "./csv-readers";
import { writeBenchCsv } from "./ingest-data";
import { median } from "./measure";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 3;

type Outcome = string; // JSON of the records with their lines, or "error"

async function outcome(read: CsvReader, bytes: Buffer, chunk: number): Promise<Outcome> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  try {
    const all = [];
    for await (const batch of read(Readable.from(chunks), 100)) all.push(...batch);
    return JSON.stringify(all);
  } catch {
    return "error";
  }
}

/** The behaviour fixture's cases and the ingest fixtures, each read whole and 3 and 7 bytes at a time. */
function behaviourCases(): { name: string; bytes: Buffer }[] {
  const dir = path.join(ROOT, "tests/fixtures/ingest");
  return [
    ...CSV_CASES.map((c) => ({ name: c.name, bytes: Buffer.from(c.text) })),
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".csv"))
      .sort()
      .map((f) => ({ name: `tests/fixtures/ingest/${f}`, bytes: readFileSync(path.join(dir, f)) })),
  ];
}

/** The cases on which `read` does not give csv-parse's records (or its error). */
async function differences(read: CsvReader): Promise<string[]> {
  const out: string[] = [];
  for (const c of behaviourCases()) {
    const chunks = [c.bytes.length || 1, 7, 3];
    for (const chunk of chunks) {
      const ref = await outcome(CSV_READERS["csv-parse"], c.bytes, chunk);
      if ((await outcome(read, c.bytes, chunk)) !== ref) {
        out.push(chunk === chunks[0] ? c.name : `${c.name} (read ${chunk} bytes at a time)`);
        break;
      }
    }
  }
  return out;
}

type Run = { seconds: number; rows: number; baseRss: number; peakRss: number };

/** One read in a process of its own, with the Node flags `daylight import` runs with (and `flags`). */
function spawnRun(parser: string, file: string, flags: string[] = []) {
  const tsx = createRequire(__filename).resolve("tsx");
  return spawnSync(
    process.execPath,
    ["--max-semi-space-size=64", ...flags, "--import", tsx, path.join(ROOT, "bench/csv-parse-one.ts"), parser, file],
    { encoding: "utf8", maxBuffer: 16 << 20 },
  );
}

function timedRun(parser: string, file: string): Run {
  const r = spawnRun(parser, file);
  if (r.status !== 0) throw new Error(`${parser} failed on ${file} (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Run;
}

/** Streaming, not accumulating: the whole file is read with the old generation capped far below its size. */
function boundedRun(parser: string, file: string, oldSpaceMb: number): boolean {
  return spawnRun(parser, file, [`--max-old-space-size=${oldSpaceMb}`]).status === 0;
}

export async function benchCsvParsers(o: { rows: number }): Promise<string> {
  const names = Object.keys(CSV_READERS) as (keyof typeof CSV_READERS)[];
  const lines: string[] = [
    `Behaviour fixture: ${CSV_CASES.length} tricky cases + the ingest tests' CSV fixtures, each read whole and 7 and 3 bytes at a time, against csv-parse:`,
  ];
  const differs = new Map<string, string[]>();
  for (const n of names.slice(1)) {
    const d = await differences(CSV_READERS[n]);
    differs.set(n, d);
    lines.push(d.length ? d.map((c) => `  ${n} differs: ${c}`).join("\n") : `  ${n}: identical on every case`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "daylight-bench-csv-"));
  try {
    const file = path.join(dir, `vendor-${o.rows}.csv`);
    await writeBenchCsv(file, o.rows, true);
    const mb = statSync(file).size / 1024 / 1024;
    const runs = new Map<string, Run[]>(names.map((n) => [n, []]));
    // Parsers take turns, so a slower stretch of a shared machine falls on all of them alike.
    for (let i = 0; i < RUNS; i++) for (const n of names) runs.get(n)!.push(timedRun(n, file));
    const seconds = (n: string) => median(runs.get(n)!.map((r) => r.seconds));
    const base = seconds("csv-parse");
    lines.push(
      `${o.rows.toLocaleString("en-US")}-row vendor-shaped camera-access file (${mb.toFixed(0)} MB: BOM, quoted commas, two-line notes, empty cells), streamed 64 KB at a time, median of ${RUNS} runs:`,
    );
    for (const n of names) {
      const rs = runs.get(n)!;
      const s = seconds(n);
      const growth = Math.max(...rs.map((r) => r.peakRss - r.baseRss)) / 1024 / 1024;
      const rows = new Set(rs.map((r) => r.rows));
      lines.push(
        `  ${n.padEnd(9)}: ${s.toFixed(2)} s, ${Math.round(o.rows / s).toLocaleString("en-US")} rows/s, peak RSS growth ${growth.toFixed(0)} MB, ${(base / s).toFixed(2)}x csv-parse's speed, ${[...rows].map((x) => x.toLocaleString("en-US")).join("/")} records`,
      );
    }
    const cap = 64;
    const bounded = new Map(names.map((n) => [n, boundedRun(n, file, cap)]));
    lines.push(
      `Flat memory: the whole ${mb.toFixed(0)} MB file read with V8's old generation capped at ${cap} MB: ${names
        .map((n) => `${n} ${bounded.get(n) ? "completes" : "FAILS"}`)
        .join(", ")} (the RSS growth above is mostly the young generation, 3 x 64 MB, the import runs with).`,
    );
    const qualifies = names
      .slice(1)
      .filter((n) => differs.get(n)!.length === 0 && bounded.get(n) && base / seconds(n) >= 1.3)
      .join(", ");
    lines.push(
      qualifies
        ? `Identical to csv-parse, at least 1.3x faster, flat memory: ${qualifies}`
        : "No parser is identical to csv-parse on the fixture, at least 1.3x faster and flat in memory.",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join("\n");
}
