import "server-only";
// The sign-in limits, counted in the shared store (server/limits/store.ts) so that every portal
// process sees the same counts. How they combine (ASVS 6.3) is told in server/auth/sign-in.ts.
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter, limitKey, limitStore, sharedLimiter, type LimitStore } from "./store";

export const SIGNIN_ATTEMPTS_PER_IP = 20;
export const SIGNIN_WINDOW_SEC = 10 * 60;
/** Failures in a row for one email from one address before that pair is paused. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 10 * 60 * 1000;
/** A run of failures is forgotten a day after its first one (a success forgets it at once). */
const FAILURE_RUN_SEC = 24 * 60 * 60;

/** Failed attempts per address, whatever the account. */
export function signInLimiter(): Promise<RateLimiterAbstract> {
  return sharedLimiter({ keyPrefix: "signin-ip", points: SIGNIN_ATTEMPTS_PER_IP, duration: SIGNIN_WINDOW_SEC });
}

/** Spends one attempt for this IP; returns seconds to wait when none are left, else null. */
export async function takeSignInAttempt(ip: string, limiter?: RateLimiterAbstract): Promise<number | null> {
  try {
    await (limiter ?? (await signInLimiter())).consume(limitKey(ip || "unknown"));
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** A successful sign-in gives its attempt back: the limit is on failures, so a shared office IP is not locked out by people signing in. */
export async function refundSignInAttempt(ip: string, limiter?: RateLimiterAbstract): Promise<void> {
  await (limiter ?? (await signInLimiter())).reward(limitKey(ip || "unknown"), 1);
}

/**
 * Consecutive failures per key; the limiter's `points`-th failure blocks the key for `lockSec`.
 * Used per account-and-address, so failures from one network block only that network for that
 * account (ASVS 6.3: no lockout of a user by someone elsewhere).
 */
export class FailureCounter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly lockSec: number,
  ) {}

  /** Milliseconds until the key may try again, or 0. */
  async blockedFor(key: string): Promise<number> {
    const r = await this.limiter.get(limitKey(key));
    return r && r.consumedPoints > this.limiter.points ? Math.max(0, r.msBeforeNext) : 0;
  }

  /** Records a failure; returns true when this one blocked the key. */
  async fail(key: string): Promise<boolean> {
    try {
      const r = await this.limiter.consume(limitKey(key));
      if (r.consumedPoints < this.limiter.points) return false;
      await this.limiter.block(limitKey(key), this.lockSec);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false; // already blocked (a concurrent failure)
      throw e;
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(limitKey(key));
  }
}

/** The per-account-and-address failure counter on a store. */
export function failureCounter(store: LimitStore, max = MAX_FAILED_ATTEMPTS, lockMs = LOCK_MS): FailureCounter {
  const limiter = createLimiter(store, { keyPrefix: "signin-pair", points: max, duration: FAILURE_RUN_SEC });
  return new FailureCounter(limiter, lockMs / 1000);
}

const g = globalThis as typeof globalThis & { __daylightPairFailures?: Promise<FailureCounter> };
/** The process's per-account-and-address failure counter, on the shared store. */
export function pairFailures(): Promise<FailureCounter> {
  g.__daylightPairFailures ??= limitStore().then((s) => failureCounter(s));
  g.__daylightPairFailures.catch(() => (g.__daylightPairFailures = undefined));
  return g.__daylightPairFailures;
}
