// The three layers and their one direction (architecture.md): app and cli call server; server
// uses db and lib; db uses lib only for pure helpers; lib is pure (plain data in and out).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, resolveSpec } from "./helpers/imports";

const ROOT = path.resolve(__dirname, "..");

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8");
const layerOf = (target: string) => target.split(path.sep)[0];

/** Packages that tie code to the database, the framework, React or the session. */
const IMPURE_PACKAGES =
  /^(next|next\/.*|react|react-dom|react\/.*|next-auth|next-auth\/.*|server-only|drizzle-orm(\/.*)?|postgres|@electric-sql\/pglite.*)$/;

/**
 * The only lib/ modules that may read configuration through lib/env.ts: each turns one setting
 * into plain data and holds no other state. Anything stateful (limiters, caches of requests)
 * belongs in server/.
 */
const ENV_READERS = new Set(
  [
    "lib/config/city.ts", // the city configuration file named by DAYLIGHT_CITY_CONFIG
    "lib/anomalies/config.ts", // anomaly thresholds from DAYLIGHT_ANOMALIES_CONFIG
    "lib/secrets.ts", // session, pseudonym and audit keys (environment or the data directory's file)
    "lib/ingest/limits.ts", // the DAYLIGHT_IMPORT_* plausibility and size limits
    "lib/auth/client-ip.ts", // DAYLIGHT_TRUSTED_PROXIES, the trust boundary for client addresses
  ].map((f) => path.normalize(f)),
);

export function libViolations(file: string, src: string): string[] {
  const v: string[] = [];
  for (const { spec } of importsOf(src)) {
    const target = resolveSpec(file, spec);
    if (target === null) {
      if (IMPURE_PACKAGES.test(spec)) v.push(`${file} imports ${spec}`);
      continue;
    }
    if (target === path.join("lib", "env") && !ENV_READERS.has(path.normalize(file)))
      v.push(`${file} reads the environment (lib/env) but is not one of the listed configuration loaders`);
    if (["db", "server", "app", "components", "cli", "auth", "auth.config"].includes(layerOf(target)))
      v.push(`${file} imports ${spec}`);
  }
  if (file !== path.join("lib", "env.ts") && /process\.env/.test(src)) v.push(`${file} reads process.env`);
  return v;
}

export function dbViolations(file: string, src: string): string[] {
  const v: string[] = [];
  for (const { spec } of importsOf(src)) {
    const target = resolveSpec(file, spec);
    if (target && ["server", "app", "components", "cli"].includes(layerOf(target))) v.push(`${file} imports ${spec}`);
  }
  if (/\bappendAudit\b/.test(src)) v.push(`${file} writes audit entries (a use case's job, in server/)`);
  return v;
}

export function serverViolations(file: string, src: string): string[] {
  const v: string[] = [];
  const firstCode = src
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*"));
  if (firstCode !== 'import "server-only";') v.push(`${file} does not begin with import "server-only"`);
  for (const { spec } of importsOf(src)) {
    const target = resolveSpec(file, spec);
    if (target && ["app", "components", "cli"].includes(layerOf(target))) v.push(`${file} imports ${spec}`);
  }
  return v;
}

/** A staff server action is a thin caller: role, form schema, a server/ use case, its message. */
export function staffActionViolations(file: string, src: string): string[] {
  const v: string[] = [];
  for (const { spec } of importsOf(src)) {
    const target = resolveSpec(file, spec);
    if (target && layerOf(target) === "db") v.push(`${file} imports ${spec} (call a use case in server/ instead)`);
  }
  return v;
}

describe("layers", () => {
  it("lib/ is pure: no db, server, Next, React, session or drizzle imports, no process.env outside lib/env.ts, env() only in the listed loaders", () => {
    const all = files("lib");
    expect(all.length).toBeGreaterThan(50);
    expect(all.flatMap((f) => libViolations(f, read(f)))).toEqual([]);
  });

  it("db/ holds schema, client and queries: it never calls up into server/, app/ or the CLI, and writes no audit entries", () => {
    const all = files("db");
    expect(all.length).toBeGreaterThan(20);
    expect(all.flatMap((f) => dbViolations(f, read(f)))).toEqual([]);
  });

  it("server/ is server-only and never imports the routes, components or CLI that call it", () => {
    const all = files("server");
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((f) => serverViolations(f, read(f)))).toEqual([]);
  });

  it("staff server actions reach the database only through server/ use cases", () => {
    const all = files(path.join("app", "staff", "_actions"));
    expect(all.length).toBeGreaterThan(5);
    expect(all.flatMap((f) => staffActionViolations(f, read(f)))).toEqual([]);
  });

  it("the checks catch what they are for", () => {
    expect(libViolations("lib/x.ts", 'import { getDb } from "../db/client";')).toHaveLength(1);
    expect(libViolations("lib/x.ts", 'import { cookies } from "next/headers";')).toHaveLength(1);
    expect(libViolations("lib/x.ts", "const k = process.env.KEY;")).toHaveLength(1);
    expect(libViolations("lib/x.ts", 'import { z } from "zod";')).toEqual([]);
    expect(libViolations("lib/opendata/x.ts", 'import { env } from "../env";')).toHaveLength(1);
    expect(libViolations("lib/x.ts", 'import { env } from "@/lib/env";')).toHaveLength(1);
    expect(libViolations("lib/secrets.ts", 'import { env } from "./env";')).toEqual([]);
    expect(dbViolations("db/queries/x.ts", 'import { publish } from "@/server/publish/run";')).toHaveLength(1);
    expect(dbViolations("db/queries/x.ts", "await appendAudit(tx, e);")).toHaveLength(1);
    expect(serverViolations("server/x.ts", '// why\nimport { z } from "zod";')).toHaveLength(1);
    expect(serverViolations("server/x.ts", '// why\nimport "server-only";\nimport { z } from "zod";')).toEqual([]);
    expect(
      staffActionViolations("app/staff/_actions/x.ts", 'import { saveTheme } from "@/db/queries/staff/well-being";'),
    ).toHaveLength(1);
    expect(
      staffActionViolations("app/staff/_actions/x.ts", 'import type { DbOrTx } from "../../../db/client";'),
    ).toHaveLength(1);
    expect(
      staffActionViolations("app/staff/_actions/x.ts", 'import { saveTheme } from "@/server/content/well-being";'),
    ).toEqual([]);
  });
});
