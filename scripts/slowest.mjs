// Where a test run's time went: the slowest files of a vitest JSON report and the slowest tests
// and lane totals of a Playwright JSON report, printed after the run so CI logs show what to look
// at when the suite outgrows its budget (README: about 20 minutes on 2 cores).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const s = (ms) => `${(ms / 1000).toFixed(0)} s`;

/** @param {string} file vitest `--reporter=json --outputFile` @param {number} n */
export function printVitestSlowest(file, n = 8) {
  if (!existsSync(file)) return;
  /** @type {{ testResults: { name: string; startTime: number; endTime: number }[] }} */
  const report = JSON.parse(readFileSync(file, "utf8"));
  const files = report.testResults
    .map((f) => ({ name: path.relative(process.cwd(), f.name), ms: f.endTime - f.startTime }))
    .sort((a, b) => b.ms - a.ms);
  const total = files.reduce((t, f) => t + f.ms, 0);
  // Vitest reports each file from its tests' start to their end: its imports are not counted.
  console.log(`Slowest of ${files.length} test files (their tests: ${s(total)} in all, summed over the workers):`);
  for (const f of files.slice(0, n)) console.log(`  ${s(f.ms).padStart(6)}  ${f.name}`);
}

/** @param {string} file Playwright `--reporter=json` output @param {number} n */
export function printPlaywrightSlowest(file, n = 8) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  /** @type {{ title: string; lane: string; ms: number }[]} */
  const tests = [];
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        tests.push({
          title: `${file ?? suite.file}: ${spec.title}`,
          lane: t.projectName,
          ms: (t.results ?? []).reduce((sum, r) => sum + r.duration, 0),
        });
    for (const child of suite.suites ?? []) walk(child, file ?? suite.file);
  };
  for (const suite of report.suites ?? []) walk(suite);
  const lanes = new Map();
  for (const t of tests) lanes.set(t.lane, (lanes.get(t.lane) ?? 0) + t.ms);
  console.log(
    `Time per lane: ${[...lanes].map(([lane, ms]) => `${lane} ${s(ms)}`).join(", ")}. Slowest of ${tests.length} tests:`,
  );
  for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, n))
    console.log(`  ${s(t.ms).padStart(6)}  [${t.lane}] ${t.title}`);
}
