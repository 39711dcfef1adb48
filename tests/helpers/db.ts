// A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
// database on the Postgres server named by DATABASE_URL (cloned from the run's template).
import postgres from "postgres";
import { openDb, type DbHandle } from "../../db/client";

export type TestDb = DbHandle & { name: string };

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
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
