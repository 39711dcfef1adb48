#!/usr/bin/env node
// The `daylight` CLI: runs cli/main.ts with tsx. The react-server condition lets it import
// server-only modules (db/queries/*) exactly as the Next.js server does.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx");
const result = spawnSync(
  process.execPath,
  // A larger young generation: publishing hundreds of thousands of rows allocates many short-lived
  // objects, and the default 16 MB semi-space spends about a tenth of the run collecting them.
  [
    "--max-semi-space-size=64",
    "--conditions=react-server",
    "--import",
    tsx,
    path.join(root, "cli/main.ts"),
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", cwd: process.cwd(), env: process.env },
);
process.exit(result.status ?? 1);
