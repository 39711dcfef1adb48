#!/usr/bin/env node
// `npm run test:clock [-- DATE ...]`: the unit and integration suite with the system clock set to
// other dates (libfaketime, Debian package `faketime`), on the embedded database: a Postgres
// server's clock cannot be faked. The clock starts at each date and runs on from there.
// Default dates: a spring-forward day, a leap day and a fall-back day in the city's time zone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { printVitestSlowest } from "./slowest.mjs";

// `--patient`: no per-test time limit that matters (when run at low priority beside other work, as
// CI does, a test may wait minutes for the CPU; the clock, not the speed, is what this run checks).
const patient = process.argv.includes("--patient");
const dates = process.argv.slice(2).filter((a) => a !== "--patient");
const targets = dates.length > 0 ? dates : ["2027-03-14 09:30:00", "2028-02-29 23:30:00", "2030-11-03 08:45:00"];

if (spawnSync("faketime", ["-f", "+0", "true"]).error) {
  console.error("test:clock needs libfaketime: apt-get install faketime");
  process.exit(2);
}
const reports = mkdtempSync(path.join(os.tmpdir(), "daylight-test-clock-"));
process.on("exit", () => rmSync(reports, { recursive: true, force: true }));
for (const at of targets) {
  const when = /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at} 12:00:00` : at;
  console.log(`\n━━ Unit and integration tests with the clock at ${when} UTC (embedded PGlite)`);
  const env = { ...process.env, TZ: "UTC", DATABASE_URL: "", DAYLIGHT_TODAY: "" };
  delete env.DATABASE_URL;
  delete env.DAYLIGHT_TODAY;
  const r = spawnSync(
    "faketime",
    [
      "-f",
      `@${when}`,
      path.resolve("node_modules/.bin/vitest"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${path.join(reports, "unit.json")}`,
      ...(patient ? ["--testTimeout=1800000", "--hookTimeout=1800000"] : []),
    ],
    {
      stdio: "inherit",
      env,
    },
  );
  printVitestSlowest(path.join(reports, "unit.json"));
  if (r.status !== 0) {
    console.error(`━━ FAILED with the clock at ${when}`);
    process.exit(r.status || 1);
  }
}
console.log(`\n━━ Passed at ${targets.join(", ")}`);
