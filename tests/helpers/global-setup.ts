// One migrated template database per run, which each test file's database starts from
// (tests/helpers/db.ts): with DATABASE_URL set, a throwaway database on that Postgres server, which
// each file clones; on embedded PGlite, a dump of a migrated in-memory database in a temporary file,
// which each file loads.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const base = process.env.DATABASE_URL;
  const { MIGRATIONS_DIR, openDb } = await import("../../db/client");
  if (!base) {
    const client = new PGlite();
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    const dump = await client.dumpDataDir("none");
    await client.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), "daylight-pglite-template-"));
    const file = path.join(dir, "migrated.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env.DAYLIGHT_TEST_PGLITE_TEMPLATE = file;
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `daylight_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), max: 1 });
  await h.migrate();
  await h.close();
  process.env.DAYLIGHT_TEST_TEMPLATE_DB = name;
  return async () => {
    const a = postgres(base, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists "${name}" with (force)`);
    await a.end();
  };
}
