// A flood of refused sign-ins from one address writes one audit row per 10 minutes with a count,
// not one row per request (issue 18: 1,831 rows in 15 s).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { auditLog } from "../../db/schema";
import { REFUSAL_WINDOW_MS, verifyCredentials } from "../../server/auth/sign-in";
import { EventWindows } from "../../server/limits/event-windows";
import { failureCounter } from "../../server/limits/sign-in";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe(`refused sign-ins are audited in aggregate (${dbMode})`, () => {
  it("one row per address per window; the next window's row carries the count", async () => {
    const ctx = {
      ip: "198.51.100.5",
      limiter: new RateLimiterMemory({ points: 1, duration: 3600 }),
      pairs: failureCounter({ kind: "memory" }, 1000, 1000),
      refusals: new EventWindows(REFUSAL_WINDOW_MS),
    };
    const t0 = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
    const input = (i: number) => ({ email: `nobody${i}@example.org`, password: "guess guess guess" });
    expect(await verifyCredentials(t.db, input(0), { ...ctx, now: t0 })).toEqual({ ok: false, reason: "invalid" });
    for (let i = 1; i <= 40; i++)
      expect(await verifyCredentials(t.db, input(i), { ...ctx, now: new Date(t0.getTime() + i * 1000) })).toMatchObject(
        {
          reason: "rate_limited",
        },
      );
    const limitedRows = () => t.db.select().from(auditLog).where(eq(auditLog.action, "auth.signin.rate_limited"));
    expect(await limitedRows()).toHaveLength(1);
    // Another address is counted apart.
    await verifyCredentials(t.db, input(99), { ...ctx, ip: "198.51.100.6", now: t0 });
    await verifyCredentials(t.db, input(99), { ...ctx, ip: "198.51.100.6", now: t0 });
    expect(await limitedRows()).toHaveLength(2);
    // The next window: one more row, saying how many the window before had.
    await verifyCredentials(t.db, input(50), { ...ctx, now: new Date(t0.getTime() + REFUSAL_WINDOW_MS) });
    const rows = await limitedRows();
    expect(rows).toHaveLength(3);
    expect(rows[2].details).toMatchObject({ previousWindow: { attempts: 40 }, aggregatedMinutes: 10 });
  });
});
