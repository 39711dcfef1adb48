#!/usr/bin/env node
// `npm test`: every test. Vitest (on the Postgres server named by DATABASE_URL, else embedded
// PGlite), then a fresh production build and the Playwright suite in Chromium.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LANES, laneDataDir } from "../e2e/lanes.mjs";
import { printPlaywrightSlowest, printVitestSlowest } from "./slowest.mjs";

const args = process.argv.slice(2);
const only = (name) => args.length === 0 || args.includes(name);
const bin = (name) => path.resolve("node_modules/.bin", name);
// JSON reports of the runs, for the slowest-tests summaries (scripts/slowest.mjs).
const reports = mkdtempSync(path.join(os.tmpdir(), "daylight-test-reports-"));
process.on("exit", () => rmSync(reports, { recursive: true, force: true }));

/** Runs one step, then `summary` (passed or not); exits on a failure. */
function step(label, cmd, cmdArgs, env = process.env, summary = () => {}) {
  console.log(`\n━━ ${label}`);
  const t = Date.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", env });
  summary();
  console.log(`━━ ${label}: ${r.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status || 1);
}

/** Runs the steps at the same time, each printing its output when it is done; exits on a failure. */
async function together(steps) {
  const results = await Promise.all(
    steps.map(
      ([label, cmd, cmdArgs, env]) =>
        new Promise((resolve) => {
          const t = Date.now();
          const out = [];
          const child = spawn(cmd, cmdArgs, { stdio: ["ignore", "pipe", "pipe"], env });
          child.stdout.on("data", (d) => out.push(d));
          child.stderr.on("data", (d) => out.push(d));
          child.on("close", (status) => resolve({ label, status, out, s: (Date.now() - t) / 1000 }));
        }),
    ),
  );
  for (const r of results) {
    console.log(`\n━━ ${r.label}`);
    process.stdout.write(Buffer.concat(r.out));
    console.log(`━━ ${r.label}: ${r.status === 0 ? "passed" : "FAILED"} in ${r.s.toFixed(0)} s`);
  }
  const failed = results.find((r) => r.status !== 0);
  if (failed) process.exit(failed.status || 1);
}

if (only("unit")) {
  step(
    `Unit and integration tests (${process.env.DATABASE_URL ? "Postgres server" : "embedded PGlite"})`,
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile=${path.join(reports, "unit.json")}`],
    process.env,
    () => printVitestSlowest(path.join(reports, "unit.json")),
  );
}
if (only("e2e")) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next" };
  // The build and the end-to-end database (seed, publication, expected figures) side by side; each
  // lane of the suite (e2e/lanes.mjs) then serves a copy of that database of its own, or one prepared
  // for it when it runs on a config of its own.
  const dataDir = process.env.E2E_DATA_DIR || ".data-e2e";
  await together([
    ["Production build", process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], env],
    ["End-to-end database", process.execPath, ["scripts/e2e-server.mjs", "--prepare"], env],
    ...LANES.filter((l) => l.env).map((l) => [
      `End-to-end database of lane ${l.name}`,
      process.execPath,
      ["scripts/e2e-server.mjs", "--prepare"],
      { ...env, ...l.env, E2E_DATA_DIR: laneDataDir(dataDir, l) },
    ]),
  ]);
  for (const lane of LANES.filter((l) => l.dataDirSuffix && !l.env)) {
    const copy = laneDataDir(dataDir, lane);
    rmSync(copy, { recursive: true, force: true });
    cpSync(dataDir, copy, { recursive: true });
  }
  const e2eReport = path.join(reports, "e2e.json");
  step(
    "End-to-end tests (Chromium)",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    { ...env, E2E_PREPARED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    () => printPlaywrightSlowest(e2eReport),
  );
  // A second city from an empty Postgres database on its own exports (skips, saying why, without one).
  step(
    "End-to-end tests, second city (Chromium)",
    bin("playwright"),
    ["test", "-c", "playwright.second-city.config.ts"],
    env,
  );
}
