// A database the benchmark may fill and drop: a fresh database on the Postgres server when
// DATABASE_URL is set, otherwise an embedded PGlite in a temporary directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "../db/client";

export async function throwawayDb(base: string | undefined): Promise<DbHandle & { drop(): Promise<void> }> {
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), "daylight-bench-"));
    const h = await openDb({ dataDir: dir, holder: "daylight bench" });
    await h.migrate();
    return { ...h, location: dir, drop: async () => { await h.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `daylight_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), max: 4 });
  await h.migrate();
  return {
    ...h,
    drop: async () => {
      await h.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
