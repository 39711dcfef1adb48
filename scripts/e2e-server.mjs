#!/usr/bin/env node
// The server Playwright tests run against: the production build on a fresh embedded database
// (.data-e2e, wiped first), seeded with demo data plus leak-test canaries, then published.
// Before serving, it writes the headline figures computed from the raw tables to
// .data-e2e/expected-home.json, so a spec can check the home page against the database.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const dataDir = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e");
// `--prepare`: only the database and the expected figures (no build, no server), so `npm test` can
// prepare them while the production build runs. A server started afterwards with E2E_PREPARED=1
// serves that database instead of preparing its own.
const prepareOnly = process.argv.includes("--prepare");
const marker = path.join(dataDir, "prepared");
const prepared = !prepareOnly && process.env.E2E_PREPARED === "1" && existsSync(marker);
if (!prepared) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
}
const env = {
  ...process.env,
  DAYLIGHT_DATA_DIR: dataDir,
  DATABASE_URL: "",
  DAYLIGHT_E2E_CANARIES: "1",
  // Every request comes from 127.0.0.1: the crawl must not be cut short by the public API limit.
  DAYLIGHT_API_RATE_LIMIT: "1000000",
  // No scheduled publication during the run (daily, at midnight UTC): the home figures are checked
  // against the setup's publication, and the jobs spec starts its own.
  DAYLIGHT_PUBLISH_EVERY_MINUTES: "1440",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: process.env.E2E_PORT || "3100",
};
const distDir = process.env.NEXT_DIST_DIR || ".next";

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env, encoding: "utf8" });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? "");
    console.error(`e2e server: ${args.join(" ")} failed`);
    process.exit(r.status || 1);
  }
  return r.stdout;
}

if (!prepareOnly && !existsSync(path.join(distDir, "BUILD_ID"))) {
  process.stdout.write(run([path.resolve("node_modules/next/dist/bin/next"), "build"]));
}
if (!prepared) {
  process.stdout.write(run(["bin/daylight.mjs", "setup"]));
  // A city export with call types no mapping covers and a camera the inventory lacks (e2e/onboarding):
  // dated ten days back, inside the pilot and past the publication delay whatever today is.
  const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "/");
  const exportFile = path.join(dataDir, "city-export.csv");
  writeFileSync(
    exportFile,
    [
      "date,case_cad_event_number,flight_duration_minutes,reason_for_flight,call_type_original_desc,location,analysis_neighborhood,supervisor_district,point",
      `${day} 10:00:00 AM,,12,Auto Boost,,,,,`,
      `${day} 10:00:00 AM,,12,Auto Boost,,,,,`,
      `${day} 02:30:00 PM,,9,Call for service,Wellbeing check - residence,,,,`,
    ].join("\n") + "\n",
  );
  process.stdout.write(run(["bin/daylight.mjs", "import", "flights", exportFile]));
  writeFileSync(path.join(dataDir, "expected-home.json"), run(["bin/daylight.mjs", "stats", "--json"]));
  writeFileSync(marker, new Date().toISOString());
}
if (prepareOnly) process.exit(0);
// One server per preparation: a later run prepares afresh.
rmSync(marker, { force: true });

const server = spawn(process.execPath, ["scripts/start.mjs", "--skip-setup"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
