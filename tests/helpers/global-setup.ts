// With DATABASE_URL set, tests run against that Postgres server: this creates one throwaway
// template database per run (migrated once), and each test file clones its own from it.
import postgres from "postgres";

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const name = `daylight_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const { openDb } = await import("../../db/client");
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
