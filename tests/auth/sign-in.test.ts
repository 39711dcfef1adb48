import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { auditLog, users } from "../../db/schema";
import { verifyCredentials, ACCOUNT_LOCK_FAILURES, LOCK_MS } from "../../server/auth/sign-in";
import { createUser, resetMfa, startEnrollment, confirmEnrollment, disableUser } from "../../server/auth/users";
import { verifyUserTotp } from "../../server/auth/reauth";
import { createSession, loadSession, revokeUserSessions } from "../../server/auth/sessions";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "../../lib/auth/session-limits";
import { currentTotp, TOTP_PERIOD_MS } from "../../lib/auth/totp";
import { verifyChain } from "../../server/audit/log";
import { failureCounter, type FailureCounter } from "../../server/limits/sign-in";
import { storeFor } from "../../server/limits/store";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
let pairs: FailureCounter;
const sys = { actorType: "system" as const, actorLabel: "test" };
const limiter = () => new RateLimiterMemory({ points: 1000, duration: 600 });
let secret = "";
let recovery: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  pairs = failureCounter(storeFor(t)); // the shared store on the Postgres server, memory on PGlite
  const u = await createUser(
    t.db,
    { email: "Rev@Example.org", name: "Rev Iewer", role: "council", password: "correct horse battery" },
    sys,
  );
  secret = u.totpSecret;
  recovery = u.recoveryCodes;
});
afterAll(async () => {
  await t?.close();
});

// A code is accepted once, and only from a later 30-second step than the last accepted one, so
// attempts run on a clock that moves one step per call unless given a time.
let clock = Date.now();
const nextStep = () => new Date((clock += TOTP_PERIOD_MS));
// The limiter store keeps time with Date.now(), so each attempt runs with the clock set to its `now`.
const attempt = async (
  o: Partial<{ email: string; password: string; code: string; now: Date; l: RateLimiterMemory; ip: string }> = {},
) => {
  const now = o.now ?? nextStep();
  clock = Math.max(clock, now.getTime());
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  try {
    return await verifyCredentials(
      t.db,
      {
        email: o.email ?? "rev@example.org",
        password: o.password ?? "correct horse battery",
        code: o.code ?? currentTotp(secret, now.getTime()),
      },
      { ip: o.ip ?? "203.0.113.9", now, limiter: o.l ?? limiter(), pairs },
    );
  } finally {
    vi.useRealTimers();
  }
};

describe(`sign-in (${dbMode})`, () => {
  it("accepts email (any case) + password + current TOTP code", async () => {
    const r = await attempt({ email: " REV@example.org " });
    expect(r).toMatchObject({ ok: true, mfaVerified: true, user: { email: "rev@example.org", role: "council" } });
  });

  it("refuses a missing or wrong code, and says the same thing as for an unknown email", async () => {
    const missing = await attempt({ code: "" });
    const wrong = await attempt({ code: "000000" });
    const unknown = await attempt({ email: "nobody@example.org" });
    expect(missing).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(missing);
    expect(unknown).toEqual(missing);
    const failures = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.signin.failure"));
    expect(failures.map((f) => f.details.reason)).toEqual(
      expect.arrayContaining(["missing_code", "bad_code", "unknown_email"]),
    );
    await attempt(); // success resets the failure count
  });

  it("five failures in a row pause that account from that address for 10 minutes, and only there", async () => {
    const now = new Date(clock + TOTP_PERIOD_MS);
    for (let i = 0; i < 5; i++) expect((await attempt({ password: "wrong password!", now })).ok).toBe(false);
    // Even the right password and code are refused from that address, and the person is told why.
    expect(await attempt({ now: new Date(now.getTime() + 60_000) })).toEqual({
      ok: false,
      reason: "rate_limited",
      scope: "account_address",
      retryAfterSec: LOCK_MS / 1000 - 60,
    });
    // The account itself is not locked: its owner elsewhere signs in (ASVS 6.3).
    const [u] = await t.db.select().from(users).where(eq(users.email, "rev@example.org"));
    expect(u.lockedUntil).toBeNull();
    expect((await attempt({ ip: "198.51.100.77", now: new Date(now.getTime() + 90_000) })).ok).toBe(true);
    const later = new Date(now.getTime() + LOCK_MS + 1000);
    expect((await attempt({ now: later })).ok).toBe(true);
  });

  it("an unknown email is paused the same way (no way to tell accounts apart)", async () => {
    const now = new Date(clock + TOTP_PERIOD_MS);
    for (let i = 0; i < 5; i++) await attempt({ email: "ghost@example.org", password: "wrong password!", now });
    expect(await attempt({ email: "ghost@example.org", now })).toMatchObject({
      reason: "rate_limited",
      scope: "account_address",
    });
  });

  it("many failures from many addresses lock the account only against addresses it never signed in from", async () => {
    const [u] = await t.db.select().from(users).where(eq(users.email, "rev@example.org"));
    await createSession(t.db, { userId: u.id, mfaVerified: true, ip: "192.0.2.10" });
    const now = new Date(clock + TOTP_PERIOD_MS);
    for (let i = 0; i < ACCOUNT_LOCK_FAILURES; i++)
      await attempt({ password: "wrong password!", ip: `203.0.113.${100 + Math.floor(i / 4)}`, now });
    const [locked] = await t.db.select().from(users).where(eq(users.email, "rev@example.org"));
    expect(locked.lockedUntil!.getTime()).toBe(now.getTime() + LOCK_MS);
    expect(await attempt({ ip: "198.51.100.200", now: new Date(now.getTime() + 60_000) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // The owner's usual network still works.
    expect((await attempt({ ip: "192.0.2.10", now: new Date(now.getTime() + 120_000) })).ok).toBe(true);
  });

  it("rate-limits failed attempts per IP (successful sign-ins do not count)", async () => {
    const l = new RateLimiterMemory({ points: 2, duration: 600 });
    for (let i = 0; i < 3; i++) expect((await attempt({ l })).ok).toBe(true);
    expect((await attempt({ l, email: "nobody@example.org" })).ok).toBe(false);
    expect((await attempt({ l, email: "nobody2@example.org" })).ok).toBe(false);
    const r = await attempt({ l });
    expect(r).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("a recovery code works once", async () => {
    const r1 = await attempt({ code: recovery[0].toUpperCase() });
    expect(r1).toMatchObject({ ok: true, usedRecoveryCode: true });
    expect((await attempt({ code: recovery[0] })).ok).toBe(false);
    await attempt();
  });

  it("after an MFA reset the password alone gives only an enrollment session, upgraded by a valid code", async () => {
    const [u] = await t.db.select().from(users).where(eq(users.email, "rev@example.org"));
    const before = await createSession(t.db, { userId: u.id, mfaVerified: true });
    await resetMfa(t.db, "rev@example.org", sys);
    expect(await loadSession(t.db, before)).toMatchObject({ ok: false, reason: "revoked" });
    const r = await attempt({ code: "" });
    expect(r).toMatchObject({ ok: true, mfaVerified: false });
    const sid = await createSession(t.db, { userId: u.id, mfaVerified: false });
    expect(await loadSession(t.db, sid)).toMatchObject({ ok: true, mfaVerified: false });
    const { secret: fresh } = await startEnrollment(t.db, u.id);
    expect(await confirmEnrollment(t.db, u.id, sid, "123456")).toBeNull();
    const enrollCode = currentTotp(fresh);
    const codes = await confirmEnrollment(t.db, u.id, sid, enrollCode);
    expect(codes).toHaveLength(10);
    // The enrollment code is spent: it cannot also sign in.
    expect(await attempt({ code: enrollCode, now: new Date() })).toEqual({ ok: false, reason: "invalid" });
    expect(await loadSession(t.db, sid)).toMatchObject({ ok: true, mfaVerified: true });
    secret = fresh;
    recovery = codes!;
  });
});

describe(`each TOTP code works once (${dbMode})`, () => {
  it("refuses a sign-in code used before, exactly like a wrong code, and accepts the next period's", async () => {
    const reused = async () =>
      (await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.signin.failure"))).filter(
        (f) => f.details.reason === "reused_code",
      ).length;
    const reusedBefore = await reused();
    const now = nextStep();
    const code = currentTotp(secret, now.getTime());
    expect((await attempt({ code, now })).ok).toBe(true);
    const replay = await attempt({ code, now: new Date(now.getTime() + 5_000) });
    expect(replay).toEqual({ ok: false, reason: "invalid" });
    expect(replay).toEqual(await attempt({ code: "000000", now }));
    const next = new Date(now.getTime() + TOTP_PERIOD_MS);
    expect((await attempt({ now: next })).ok).toBe(true);
    // Still inside the clock-drift window, but older than the step just accepted.
    expect((await attempt({ code, now: next })).ok).toBe(false);
    expect((await reused()) - reusedBefore).toBe(2); // the audit log says why; the caller never learns
    expect((await attempt()).ok).toBe(true); // resets the failure count
  });

  it("refuses a re-authentication code used before, and lets one of two concurrent uses through", async () => {
    const [u] = await t.db.select().from(users).where(eq(users.email, "rev@example.org"));
    const now = nextStep();
    const code = currentTotp(secret, now.getTime());
    expect((await attempt({ code, now })).ok).toBe(true);
    expect(await verifyUserTotp(t.db, u.id, code, now)).toBe("reused_code");
    const next = nextStep();
    const fresh = currentTotp(secret, next.getTime());
    expect(await verifyUserTotp(t.db, u.id, fresh, next)).toBe("ok");
    expect(await verifyUserTotp(t.db, u.id, fresh, next)).toBe("reused_code");
    const later = nextStep();
    const once = currentTotp(secret, later.getTime());
    const both = await Promise.all([verifyUserTotp(t.db, u.id, once, later), verifyUserTotp(t.db, u.id, once, later)]);
    expect(both.sort()).toEqual(["ok", "reused_code"]);
  });
});

describe(`sessions (${dbMode})`, () => {
  it("end after 30 idle minutes, after 12 hours in all, when revoked and when the user is disabled", async () => {
    const [u] = await t.db.select().from(users).where(eq(users.email, "rev@example.org"));
    const sid = await createSession(t.db, { userId: u.id, mfaVerified: true });
    const now = Date.now();
    expect((await loadSession(t.db, sid, new Date(now + IDLE_TIMEOUT_MS - 60_000))).ok).toBe(true);
    // That call recorded activity, so the idle clock restarted.
    expect((await loadSession(t.db, sid, new Date(now + IDLE_TIMEOUT_MS + 30_000))).ok).toBe(true);
    expect(await loadSession(t.db, sid, new Date(now + 2 * IDLE_TIMEOUT_MS + 60_000))).toMatchObject({
      ok: false,
      reason: "idle",
      user: { id: u.id },
    });
    const s2 = await createSession(t.db, { userId: u.id, mfaVerified: true });
    let at = now;
    while (at < now + ABSOLUTE_TIMEOUT_MS - IDLE_TIMEOUT_MS) {
      at += IDLE_TIMEOUT_MS - 60_000;
      await loadSession(t.db, s2, new Date(at));
    }
    expect(await loadSession(t.db, s2, new Date(now + ABSOLUTE_TIMEOUT_MS + 1000))).toMatchObject({
      ok: false,
      reason: "expired",
      user: { id: u.id },
    });
    const s3 = await createSession(t.db, { userId: u.id, mfaVerified: true });
    const s4 = await createSession(t.db, { userId: u.id, mfaVerified: true });
    expect(await revokeUserSessions(t.db, u.id, s4)).toBeGreaterThanOrEqual(1);
    expect(await loadSession(t.db, s3)).toMatchObject({ ok: false, reason: "revoked" });
    expect((await loadSession(t.db, s4)).ok).toBe(true);
    await disableUser(t.db, "rev@example.org", sys);
    expect((await loadSession(t.db, s4)).ok).toBe(false);
    expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
  });

  it("every step above left an intact audit chain", async () => {
    const v = await verifyChain(t.db);
    expect(v.ok).toBe(true);
    expect(v.checked).toBeGreaterThan(15);
  });
});
