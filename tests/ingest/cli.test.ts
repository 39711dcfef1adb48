// `daylight import` as an operator runs it: exit codes and the printed report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { fixture } from "./setup";

const root = path.resolve(__dirname, "../..");
let t: TestDb | undefined;
let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "daylight-ingest-cli-"));
  env = { ...process.env, DAYLIGHT_DATA_DIR: dataDir, DAYLIGHT_DEBUG: "" };
  if (process.env.DATABASE_URL) {
    t = await createTestDb();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${t.name}`;
    env.DATABASE_URL = u.toString();
  } else {
    delete env.DATABASE_URL;
  }
}, 600_000);
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const daylight = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "bin/daylight.mjs"), ...args], { env, encoding: "utf8", cwd: root });

// Each run opens (and on PGlite migrates) its own database: two runs keep this file affordable.
describe(`daylight import (${dbMode})`, () => {
  it("imports a good file (exit 0) and refuses a bad one (exit 1) listing line, column and reason", () => {
    const ok = daylight("import", "camera-access", fixture("vms-audit.csv"), "--no-publish");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("4 rows read: 4 new, 0 updated, 0 unchanged, 0 rejected");
    const bad = daylight("import", "camera_access", fixture("vms-audit-bad.csv"), "--no-publish");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("line 4, column timestamp: 2099-01-14T19:01:00.000Z is in the future");
    expect(bad.stderr).toContain("Nothing was imported from vms-audit-bad.csv");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 600_000);
});
