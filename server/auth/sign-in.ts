import "server-only";
// Checking email + password + second factor. Three limits, so that guessing is slow but nobody can
// lock a user out from another network (ASVS 6.3):
//   - per address: SIGNIN_ATTEMPTS_PER_IP failed attempts per window, whatever the account;
//   - per account and address: MAX_FAILED_ATTEMPTS failures in a row block that address for that
//     email for LOCK_MS (kept by email, so unknown emails behave exactly like real ones);
//   - per account: ACCOUNT_LOCK_FAILURES failures in a row from anywhere lock the account for
//     LOCK_MS, but only against addresses it has never completed a sign-in from.
// The first two are counted in the shared store (server/limits/store.ts), the third on the user's
// row, so every portal process sees all three.
// Every outcome is audited; the caller never learns whether the email exists.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { DbOrTx } from "../../db/client";
import { recoveryCodes, userSessions, users } from "../../db/schema";
import { appendAudit } from "../audit/log";
import { verifyPassword } from "../../lib/auth/password";
import {
  LOCK_MS,
  MAX_FAILED_ATTEMPTS,
  pairFailures,
  refundSignInAttempt,
  takeSignInAttempt,
  type FailureCounter,
} from "../limits/sign-in";
import { EventWindows } from "../limits/event-windows";
import { isRole, type SessionUser } from "../../lib/auth/roles";
import { hashRecoveryCode, looksLikeRecoveryCode } from "../../lib/auth/totp";
import { acceptTotpCode } from "./totp-check";

export { LOCK_MS, MAX_FAILED_ATTEMPTS };
export const ACCOUNT_LOCK_FAILURES = 25;

/** Refused (rate-limited) sign-ins are audited once per address and scope per 10 minutes, with a count. */
export const REFUSAL_WINDOW_MS = 10 * 60 * 1000;

const g = globalThis as typeof globalThis & { __daylightSignInRefusals?: EventWindows };
/** The process-wide aggregation of rate-limited sign-in attempts for the audit log. */
export function signInRefusals(): EventWindows {
  g.__daylightSignInRefusals ??= new EventWindows(REFUSAL_WINDOW_MS);
  return g.__daylightSignInRefusals;
}

export type SignInInput = { email: string; password: string; code?: string };
export type SignInContext = {
  ip?: string | null;
  now?: Date;
  limiter?: RateLimiterAbstract;
  pairs?: FailureCounter;
  refusals?: EventWindows;
};
export type SignInResult =
  | { ok: true; user: SessionUser; mfaVerified: boolean; usedRecoveryCode: boolean }
  | { ok: false; reason: "invalid" }
  /** "address": too many failures from this address; "account_address": for this email from this address. */
  | { ok: false; reason: "rate_limited"; scope: "address" | "account_address"; retryAfterSec: number };

export async function verifyCredentials(
  db: DbOrTx,
  input: SignInInput,
  ctx: SignInContext = {},
): Promise<SignInResult> {
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? undefined;
  const email = input.email.trim().toLowerCase();
  const pairs = ctx.pairs ?? (await pairFailures());
  const pairKey = `${email}\n${ip ?? "unknown"}`;
  const limited = async (scope: "address" | "account_address", retryAfterSec: number) => {
    // One row per address and scope per window: a flood of refused attempts adds rows at a
    // bounded rate; the next window's row carries the count of the one before.
    const w = (ctx.refusals ?? signInRefusals()).hit(`${scope}\n${ip ?? "unknown"}`, now);
    if (w.write)
      await appendAudit(db, {
        actorType: "user",
        actorLabel: email,
        action: "auth.signin.rate_limited",
        ip,
        details: {
          retryAfterSec,
          scope,
          aggregatedMinutes: REFUSAL_WINDOW_MS / 60000,
          ...(w.previous
            ? { previousWindow: { from: w.previous.from.toISOString(), attempts: w.previous.count } }
            : {}),
        },
      });
    return { ok: false as const, reason: "rate_limited" as const, scope, retryAfterSec };
  };
  const wait = await takeSignInAttempt(ip ?? "unknown", ctx.limiter);
  if (wait !== null) return limited("address", wait);
  const pairWait = await pairs.blockedFor(pairKey);
  if (pairWait > 0) return limited("account_address", Math.ceil(pairWait / 1000));
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const fail = async (reason: string, countIt: boolean) => {
    let locked = false;
    // Every failure counts for this email from this address, known account or not (no enumeration).
    const pairLocked = reason === "locked" ? false : await pairs.fail(pairKey);
    if (user && countIt) locked = await countFailure(db, user.id, now);
    await appendAudit(db, {
      actorType: "user",
      actorId: user ? String(user.id) : undefined,
      actorLabel: email,
      action: "auth.signin.failure",
      targetType: user ? "user" : undefined,
      targetId: user ? String(user.id) : undefined,
      ip,
      details: {
        reason,
        ...(locked ? { lockedForMinutes: LOCK_MS / 60000 } : {}),
        ...(pairLocked ? { addressBlockedForMinutes: LOCK_MS / 60000 } : {}),
      },
    });
    return { ok: false as const, reason: "invalid" as const };
  };

  if (!user || user.disabledAt || !isRole(user.role)) {
    await verifyPassword(null, input.password); // same time as a real check
    return fail(!user ? "unknown_email" : user.disabledAt ? "disabled" : "bad_role", false);
  }
  if (user.lockedUntil && user.lockedUntil > now && !(await signedInFrom(db, user.id, ip))) {
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
  await pairs.reset(pairKey);
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

/** Whether the user has completed a sign-in (second factor included) from this address before. */
async function signedInFrom(db: DbOrTx, userId: number, ip: string | undefined): Promise<boolean> {
  if (!ip) return false;
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), eq(userSessions.ip, ip), isNotNull(userSessions.mfaVerifiedAt)))
    .limit(1);
  return Boolean(row);
}

/** Adds one failure; the ACCOUNT_LOCK_FAILURES-th in a row locks the account. Returns true when it just locked. */
async function countFailure(db: DbOrTx, userId: number, now: Date): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.id, userId))
    .returning({ n: users.failedAttempts });
  if (row && row.n >= ACCOUNT_LOCK_FAILURES) {
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
