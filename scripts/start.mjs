#!/usr/bin/env node
// `npm start`: build when no build exists, prepare the database (migrate; on first start seed the
// demo data), then serve on PORT (default 3000); the server itself recomputes flags and publishes
// in the background. `--dev` serves with `next dev` instead; `--skip-setup` serves a database
// someone else prepared.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function run(label, args, env = process.env) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

if (!dev && !existsSync(path.join(distDir, "BUILD_ID"))) {
  run("Building the portal (first start only; `npm run build` rebuilds)", [nextBin, "build"], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
  });
}

// Only migrate (and seed an empty database) before serving: the server recomputes the anomaly flags
// and publishes in the background (server/jobs), so it serves within seconds whatever the data size.
// On an embedded database that already exists, even that is left to the server (instrumentation.ts:
// it migrates as it opens the database and syncs the reference data in the background), so a
// restart does not open and migrate PGlite twice: it serves within seconds.
const dataDir = path.resolve(process.env.DAYLIGHT_DATA_DIR || ".data");
const existing = !process.env.DATABASE_URL && existsSync(path.join(dataDir, "pglite", "PG_VERSION"));
if (existing && !process.argv.includes("--setup"))
  console.log(`\n▶ Existing database in ${dataDir}: the server migrates it and syncs reference data as it starts`);
else if (!process.argv.includes("--skip-setup"))
  run("Preparing the database", ["bin/daylight.mjs", "setup", "--no-publish"]);

console.log(`\n▶ Serving Daylight at http://localhost:${port}`);
// Production: scripts/serve.mjs, which is `next start` with the cached pages compressed once.
const args = dev ? [nextBin, "dev", "-p", port] : ["scripts/serve.mjs"];
const server = spawn(process.execPath, args, {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
});
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    stopping = true;
    server.kill(sig);
  });
// Stopped as asked: success. Killed by anything else (an out-of-memory abort, the OOM killer): a
// failure a supervisor can see and restart on, as a crash.
server.on("exit", (code, signal) => {
  if (signal && !stopping) console.error(`\n✖ The server was stopped by ${signal}.`);
  process.exit(code ?? (stopping ? 0 : 1));
});
