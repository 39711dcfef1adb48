// Checking email + password + second factor, with account lockout and per-IP limits. Every
// outcome is audited; the caller only learns "ok" or "invalid", never whether the email exists.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { RateLimiterMemory } from "rate-limiter-flexible";
import type { DbOrTx } from "../../db/client";
import { recoveryCodes, users } from "../../db/schema";
import { appendAudit } from "../audit/log";
import { verifyPassword } from "./password";
import { refundSignInAttempt, takeSignInAttempt } from "./rate-limit";
import { isRole, type SessionUser } from "./roles";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./totp";
import { acceptTotpCode } from "./totp-check";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 10 * 60 * 1000;

export type SignInInput = { email: string; password: string; code?: string };
export type SignInContext = { ip?: string | null; now?: Date; limiter?: RateLimiterMemory };
export type SignInResult =
  | { ok: true; user: SessionUser; mfaVerified: boolean; usedRecoveryCode: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSec: number };

export async function verifyCredentials(
  db: DbOrTx,
  input: SignInInput,
  ctx: SignInContext = {},
): Promise<SignInResult> {
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? undefined;
  const email = input.email.trim().toLowerCase();
  const wait = await takeSignInAttempt(ip ?? "unknown", ctx.limiter);
  if (wait !== null) {
    await appendAudit(db, {
      actorType: "user",
      actorLabel: email,
      action: "auth.signin.rate_limited",
      ip,
      details: { retryAfterSec: wait },
    });
    return { ok: false, reason: "rate_limited", retryAfterSec: wait };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const fail = async (reason: string, countIt: boolean) => {
    let locked = false;
    if (user && countIt) locked = await countFailure(db, user.id, now);
    await appendAudit(db, {
      actorType: "user",
      actorId: user ? String(user.id) : undefined,
      actorLabel: email,
      action: "auth.signin.failure",
      targetType: user ? "user" : undefined,
      targetId: user ? String(user.id) : undefined,
      ip,
      details: { reason, ...(locked ? { lockedForMinutes: LOCK_MS / 60000 } : {}) },
    });
    return { ok: false as const, reason: "invalid" as const };
  };

  if (!user || user.disabledAt || !isRole(user.role)) {
    await verifyPassword(null, input.password); // same time as a real check
    return fail(!user ? "unknown_email" : user.disabledAt ? "disabled" : "bad_role", false);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await verifyPassword(null, input.password);
    return fail("locked", false);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail("bad_password", true);

  let mfaVerified = false;
  let usedRecoveryCode = false;
  if (user.totpSecret && user.totpEnabledAt) {
    const code = (input.code ?? "").trim();
    if (!code) return fail("missing_code", true);
    const totp = await acceptTotpCode(db, user.id, user.totpSecret, code, now);
    if (totp === "ok") mfaVerified = true;
    else if (looksLikeRecoveryCode(code) && (await useRecoveryCode(db, user.id, code, now))) {
      mfaVerified = true;
      usedRecoveryCode = true;
    } else return fail(totp, true); // a reused code counts as a failure, like a wrong one
  }
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
  await refundSignInAttempt(ip ?? "unknown", ctx.limiter);
  await appendAudit(db, {
    actorType: "user",
    actorId: String(user.id),
    actorLabel: user.name,
    action: "auth.signin.success",
    targetType: "user",
    targetId: String(user.id),
    ip,
    details: {
      method: "password",
      mfa: mfaVerified ? (usedRecoveryCode ? "recovery_code" : "totp") : "enrollment_pending",
    },
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    mfaVerified,
    usedRecoveryCode,
  };
}

/** Adds one failure; the fifth in a row locks the account. Returns true when it just locked. */
async function countFailure(db: DbOrTx, userId: number, now: Date): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.id, userId))
    .returning({ n: users.failedAttempts });
  if (row && row.n >= MAX_FAILED_ATTEMPTS) {
    await db
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) })
      .where(eq(users.id, userId));
    return true;
  }
  return false;
}

async function useRecoveryCode(db: DbOrTx, userId: number, code: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}
