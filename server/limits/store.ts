import "server-only";
// Where limits are counted. On a Postgres server: rate-limiter-flexible's Postgres store in the
// rate_limits table (made by migration 0024, never at run time), so every portal process behind
// a load balancer spends from one count. On the embedded database: its memory store, since only
// one process can open PGlite anyway.
import { createHmac } from "node:crypto";
import type { Sql } from "postgres";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DbHandle } from "../../db/client";
import { appSecrets } from "../../lib/secrets";

export const LIMITS_TABLE = "rate_limits";

export type LimitStore = { kind: "memory" } | { kind: "postgres"; sql: Sql };
export type LimitOptions = {
  /** Names the limit; part of every key, so limits never share counts. */
  keyPrefix: string;
  points: number;
  /** Seconds until a key's count starts again. */
  duration: number;
};

/** rate-limiter-flexible speaks node-postgres (`query({ text, values })` → `{ rows, rowCount }`); postgres.js answers it. */
export function pgCompatible(sql: Sql) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const rows = await sql.unsafe(q.text, (q.values ?? []) as never[]);
      // bigint arrives as a string from postgres.js; the library does arithmetic on it.
      const out = rows.map((r) => ({ ...r, expire: r.expire === null ? null : Number(r.expire) }));
      return { rows: out, rowCount: rows.count };
    },
  };
}

export function createLimiter(store: LimitStore, o: LimitOptions): RateLimiterAbstract {
  if (store.kind === "memory") return new RateLimiterMemory(o);
  return new RateLimiterPostgres({
    ...o,
    storeClient: pgCompatible(store.sql),
    storeType: "client",
    tableName: LIMITS_TABLE,
    tableCreated: true,
    // When the database does not answer, count in this process rather than fail every request.
    insuranceLimiter: new RateLimiterMemory(o),
  });
}

type Cache = { store?: Promise<LimitStore>; limiters: Map<string, Promise<RateLimiterAbstract>> };
const g = globalThis as typeof globalThis & { __daylightLimits?: Cache };
const cache = (): Cache => (g.__daylightLimits ??= { limiters: new Map() });

/** The store for a database: its own table on a Postgres server, memory on PGlite. */
export function storeFor(h: Pick<DbHandle, "db" | "kind">): LimitStore {
  return h.kind === "postgres"
    ? { kind: "postgres", sql: (h.db as unknown as { $client: Sql }).$client }
    : { kind: "memory" };
}

/** The process's store, chosen by the database it runs on. */
export function limitStore(): Promise<LimitStore> {
  const c = cache();
  // Loaded when first needed: the test suite sets a store and never opens the process database.
  c.store ??= import("../../db/client").then(({ dbHandle }) => dbHandle()).then(storeFor);
  c.store.catch(() => (c.store = undefined));
  return c.store;
}

/**
 * Sets the process's store instead of taking it from the database (the test suite uses memory,
 * so that handlers called directly never open the process database).
 */
export function useLimitStore(store: LimitStore): void {
  g.__daylightLimits = { store: Promise.resolve(store), limiters: new Map() };
}

/** One limiter per name per process (kept on globalThis so dev hot reload does not reset counts). */
export function sharedLimiter(o: LimitOptions): Promise<RateLimiterAbstract> {
  const c = cache();
  let l = c.limiters.get(o.keyPrefix);
  if (!l) {
    l = limitStore().then((s) => createLimiter(s, o));
    l.catch(() => c.limiters.delete(o.keyPrefix));
    c.limiters.set(o.keyPrefix, l);
  }
  return l;
}

/** A key for the store: a keyed hash, so the table holds no address or email in the clear. */
export function limitKey(...parts: string[]): string {
  return createHmac("sha256", appSecrets().authSecret)
    .update(`daylight/limits/v1\n${parts.join("\n")}`)
    .digest("base64url")
    .slice(0, 32);
}
