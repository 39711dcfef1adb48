// A database the benchmark may fill and drop: a fresh database on the Postgres server when
// DATABASE_URL is set, otherwise an embedded PGlite in a temporary directory.
// The PGlite data lives in <dir>/pglite, the layout `DAYLIGHT_DATA_DIR=<dir>` gives a server, so the
// page benchmark can serve the same database (after the bench closes its own handle: PGlite is
// single-process). close() may be called more than once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "../db/client";

export type ThrowawayDb = DbHandle & {
  /** Postgres: the throwaway database's URL. */
  url?: string;
  /** PGlite: the directory to pass as DAYLIGHT_DATA_DIR (the data itself is in <dataDir>/pglite). */
  dataDir?: string;
  drop(): Promise<void>;
};

function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

export async function throwawayDb(base: string | undefined): Promise<ThrowawayDb> {
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), "daylight-bench-"));
    const h = await openDb({ dataDir: path.join(dir, "pglite"), holder: "daylight bench" });
    await h.migrate();
    const close = closeOnce(() => h.close());
    return {
      ...h,
      close,
      location: dir,
      dataDir: dir,
      drop: async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `daylight_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  // The pool `daylight publish` and the server open (db/client.ts's default): publication then runs
  // as many builds side by side as it does there.
  const h = await openDb({ url: url.toString() });
  await h.migrate();
  const close = closeOnce(() => h.close());
  return {
    ...h,
    close,
    url: url.toString(),
    drop: async () => {
      await close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

/** A database the benchmark uses as it is (migrated; its drop only closes it): re-timing without re-seeding. */
export async function existingDb(url: string): Promise<ThrowawayDb> {
  const h = await openDb({ url }); // the default pool, as above
  await h.migrate();
  const close = closeOnce(() => h.close());
  return { ...h, close, url, drop: close };
}
