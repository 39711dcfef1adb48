// One database client per process: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Not marked server-only: the CLI and tests share it. Query modules under db/queries are.
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import postgres from "postgres";
import { env } from "../lib/env";
import { acquireDataDirLock, type DataDirLock } from "./lock";
import { currentRole, grantRuntimeRole } from "./runtime-role";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction or the database itself: functions that write take this so callers can compose. */
export type DbOrTx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives, for messages (a directory or a redacted URL). */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");

export type OpenOptions = {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; "memory://" for an in-memory database. */
  dataDir?: string;
  /** Who holds the embedded database, shown to anyone else who tries to open it. */
  holder?: string;
  /** Connections in the postgres.js pool. */
  max?: number;
  /**
   * postgres:// URL of the role that owns the schema (DATABASE_OWNER_URL): migrations run as it,
   * then the runtime role (url) gets every table but the audit tables, which it may only append to.
   */
  ownerUrl?: string;
};

export async function openDb(opts: OpenOptions = {}): Promise<DbHandle> {
  if (opts.url) return openPostgres(opts.url, opts.max, opts.ownerUrl);
  return openPglite(opts.dataDir ?? env().pgliteDir, opts.holder ?? "another daylight process");
}

function openPostgres(url: string, max = 10, ownerUrl?: string): DbHandle {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    location: redactUrl(url),
    migrate: async () => {
      if (!ownerUrl || ownerUrl === url) {
        await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_DIR });
        await installOptionalExtensions(client);
        return;
      }
      const owner = postgres(ownerUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await migratePostgres(drizzlePostgres(owner), { migrationsFolder: MIGRATIONS_DIR });
        await installOptionalExtensions(owner);
        const role = await currentRole(client);
        if (role !== (await currentRole(owner))) await grantRuntimeRole(owner, role);
      } finally {
        await owner.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Extensions the portal uses when the server has them, and works without: pgcrypto's hmac()
 * makes the publication's keyed ids about three times cheaper than HMAC built from core sha256()
 * (server/publish/camera-sql.ts). Not a migration, because a server without the contrib package, or a
 * role that may not create it, must still be able to install the portal.
 */
async function installOptionalExtensions(client: postgres.Sql): Promise<void> {
  try {
    await client.unsafe("create extension if not exists pgcrypto");
  } catch {
    // Without it, publication computes the same ids the slower way.
  }
}

async function openPglite(dataDir: string, holder: string): Promise<DbHandle> {
  const inMemory = dataDir.startsWith("memory://");
  let lock: DataDirLock | undefined;
  if (!inMemory) lock = acquireDataDirLock(dataDir, holder);
  let client: PGlite;
  try {
    client = inMemory ? new PGlite() : new PGlite(dataDir);
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location: inMemory ? "memory" : dataDir,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparseable URL)";
  }
}

type Cached = { handle?: Promise<DbHandle> };
const g = globalThis as typeof globalThis & { __daylightDb?: Cached };

/**
 * The process-wide database, opened (and migrated) once. Cached on globalThis so that
 * hot reload in development does not open a second PGlite or leak pools.
 */
export function dbHandle(): Promise<DbHandle> {
  g.__daylightDb ??= {};
  g.__daylightDb.handle ??= (async () => {
    const e = env();
    const h = await openDb({
      url: e.DATABASE_URL,
      ownerUrl: e.DATABASE_OWNER_URL,
      holder: `daylight (pid ${process.pid})`,
    });
    await h.migrate();
    return h;
  })().catch((e) => {
    g.__daylightDb = {};
    throw e;
  });
  return g.__daylightDb.handle;
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const h = g.__daylightDb?.handle;
  g.__daylightDb = {};
  if (h) await (await h).close();
}
