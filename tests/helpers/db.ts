// A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
// database on the Postgres server named by DATABASE_URL (cloned from the run's template).
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { MIGRATIONS_DIR, openDb, type Db, type DbHandle } from "../../db/client";
import * as schema from "../../db/schema";

export type TestDb = DbHandle & { name: string };

let pgliteTemplate: Blob | undefined;

/**
 * An in-memory PGlite loaded from the run's migrated data directory (tests/helpers/global-setup.ts
 * dumps it once) instead of an initdb and every migration per database: about 1.2 s of CPU instead
 * of 3.4 s, which the faked-clock CI run, on PGlite throughout, pays for every test database.
 */
async function openPgliteFromTemplate(file: string): Promise<DbHandle> {
  pgliteTemplate ??= new Blob([readFileSync(file)]);
  const client = new PGlite({ loadDataDir: pgliteTemplate });
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    location: "memory",
    migrate: () => migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const template = process.env.DAYLIGHT_TEST_PGLITE_TEMPLATE;
    if (template) return { ...(await openPgliteFromTemplate(template)), name: "pglite-memory" };
    const h = await openDb({ dataDir: "memory://" });
    await h.migrate();
    return { ...h, name: "pglite-memory" };
  }
  const name = `daylight_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = process.env.DAYLIGHT_TEST_TEMPLATE_DB;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), max: 4 });
  if (!template) await h.migrate();
  return {
    ...h,
    name,
    close: async () => {
      await h.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

/** The mode tests are running in, for test names. */
export const dbMode = process.env.DATABASE_URL ? "postgres" : "pglite";
