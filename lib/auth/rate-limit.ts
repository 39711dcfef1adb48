// Per-IP limit on sign-in attempts (in memory: one portal process; a cluster would use the
// Postgres or Redis store of the same library).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const SIGNIN_ATTEMPTS_PER_IP = 20;
export const SIGNIN_WINDOW_SEC = 10 * 60;

const g = globalThis as typeof globalThis & { __daylightSignInLimiter?: RateLimiterMemory };

export function signInLimiter(): RateLimiterMemory {
  g.__daylightSignInLimiter ??= new RateLimiterMemory({ points: SIGNIN_ATTEMPTS_PER_IP, duration: SIGNIN_WINDOW_SEC });
  return g.__daylightSignInLimiter;
}

/** Spends one attempt for this IP; returns seconds to wait when none are left, else null. */
export async function takeSignInAttempt(ip: string, limiter = signInLimiter()): Promise<number | null> {
  try {
    await limiter.consume(ip || "unknown");
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** A successful sign-in gives its attempt back: the limit is on failures, so a shared office IP is not locked out by people signing in. */
export async function refundSignInAttempt(ip: string, limiter = signInLimiter()): Promise<void> {
  await limiter.reward(ip || "unknown", 1);
}
