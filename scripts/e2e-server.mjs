#!/usr/bin/env node
// The server Playwright tests run against: the production build on a fresh embedded database
// (.data-e2e, wiped first), seeded with demo data plus leak-test canaries, then published.
import { rmSync } from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const dataDir = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e");
rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  DAYLIGHT_DATA_DIR: dataDir,
  DATABASE_URL: "",
  DAYLIGHT_E2E_CANARIES: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: process.env.E2E_PORT || "3100",
};
const r = spawnSync(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
