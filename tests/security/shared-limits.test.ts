// Limits kept in the database (issue 18): two portal processes on one Postgres server spend from
// one count. Each "process" here has its own connection pool and its own limiter objects, as two
// `next start` instances behind a load balancer would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { createApiLimiter } from "../../server/limits/api";
import { failureCounter, takeSignInAttempt } from "../../server/limits/sign-in";
import { createLimiter, storeFor } from "../../server/limits/store";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

describe(`the limit store follows the database (${dbMode})`, () => {
  it("is the Postgres store's table on a server and memory on the embedded database", () => {
    expect(storeFor({ kind: "pglite", db: {} as DbHandle["db"] })).toEqual({ kind: "memory" });
    const sql = {} as never;
    expect(storeFor({ kind: "postgres", db: { $client: sql } as unknown as DbHandle["db"] })).toEqual({
      kind: "postgres",
      sql,
    });
  });
});

// Only a Postgres server can be opened by two processes at once; PGlite uses the memory store.
describe.runIf(dbMode === "postgres")("two portal processes on one Postgres server (needs DATABASE_URL)", () => {
  let t: TestDb;
  let other: DbHandle;
  beforeAll(async () => {
    t = await createTestDb();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${t.name}`;
    other = await openDb({ url: url.toString(), max: 2 });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("the API limit is one count across both: the fourth request of three allowed is refused, whichever process gets it", async () => {
    const a = createApiLimiter(storeFor(t), 3);
    const b = createApiLimiter(storeFor(other), 3);
    expect(await a("203.0.113.10")).toMatchObject({ ok: true, remaining: 2 });
    expect(await b("203.0.113.10")).toMatchObject({ ok: true, remaining: 1 });
    expect(await a("203.0.113.10")).toMatchObject({ ok: true, remaining: 0 });
    const refused = await b("203.0.113.10");
    expect(refused).toMatchObject({ ok: false, limit: 3 });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another client has its own count.
    expect(await b("198.51.100.10")).toMatchObject({ ok: true, remaining: 2 });
  });

  it("concurrent requests through both processes never overspend: 40 at once against 10 allowed", async () => {
    const a = createApiLimiter(storeFor(t), 10);
    const b = createApiLimiter(storeFor(other), 10);
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b)("192.0.2.44")));
    expect(all.filter((d) => d.ok)).toHaveLength(10);
  });

  it("failed sign-ins for one account from one address add up across processes and pause it in both", async () => {
    const a = failureCounter(storeFor(t));
    const b = failureCounter(storeFor(other));
    const key = "rev@example.org\n203.0.113.9";
    for (let i = 0; i < 4; i++) expect(await (i % 2 ? a : b).fail(key)).toBe(false);
    expect(await a.blockedFor(key)).toBe(0);
    expect(await b.fail(key)).toBe(true); // the fifth, wherever it lands
    expect(await a.blockedFor(key)).toBeGreaterThan(9 * 60 * 1000);
    expect(await b.blockedFor(key)).toBeGreaterThan(9 * 60 * 1000);
    expect(await a.blockedFor("rev@example.org\n198.51.100.7")).toBe(0); // another address is not paused
    await b.reset(key);
    expect(await a.blockedFor(key)).toBe(0);
  });

  it("the per-address sign-in budget is shared, and the table holds no address in the clear", async () => {
    const opts = { keyPrefix: "signin-ip-test", points: 2, duration: 600 };
    const a = createLimiter(storeFor(t), opts);
    const b = createLimiter(storeFor(other), opts);
    expect(await takeSignInAttempt("203.0.113.77", a)).toBeNull();
    expect(await takeSignInAttempt("203.0.113.77", b)).toBeNull();
    expect(await takeSignInAttempt("203.0.113.77", a)).toBeGreaterThan(590);
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.some((k) => k.startsWith("signin-ip-test:"))).toBe(true);
    expect(keys.filter((k) => /203\.0\.113|198\.51|192\.0\.2|example\.org/.test(k))).toEqual([]);
  });
});
