import "server-only";
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

/**
 * Consecutive failures per key with a lock after `max` of them, on a clock the caller passes
 * (testable, and the same clock as the account lock). Used per account-and-address, so failures
 * from one network block only that network for that account (ASVS 6.3: no lockout of a user by
 * someone elsewhere). Bounded: the oldest keys are dropped past `maxKeys`.
 */
export class FailureWindow {
  private readonly entries = new Map<string, { count: number; lockedUntil: number }>();
  constructor(
    readonly max: number,
    readonly lockMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until the key may try again, or 0. */
  blockedFor(key: string, now: Date): number {
    const e = this.entries.get(key);
    return e ? Math.max(0, e.lockedUntil - now.getTime()) : 0;
  }

  /** Records a failure; returns true when this one locked the key. */
  fail(key: string, now: Date): boolean {
    const e = this.entries.get(key) ?? { count: 0, lockedUntil: 0 };
    if (e.lockedUntil && e.lockedUntil <= now.getTime()) e.lockedUntil = 0;
    e.count += 1;
    const locked = e.count >= this.max;
    if (locked) {
      e.count = 0;
      e.lockedUntil = now.getTime() + this.lockMs;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return locked;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * Aggregates a repeated anonymous event per key into fixed windows on the caller's clock: the
 * first hit of a window is to be written (with the previous window's count when it had more than
 * one), later hits are only counted. Bounded like FailureWindow.
 */
export class EventWindows {
  private readonly entries = new Map<string, { start: number; count: number }>();
  constructor(
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** `write`: log this hit; `previous`: the closed window's start and count when it had repeats. */
  hit(key: string, now: Date): { write: boolean; previous: { from: Date; count: number } | null } {
    const t = now.getTime();
    const start = t - (t % this.windowMs);
    const e = this.entries.get(key);
    if (e && e.start === start) {
      e.count++;
      return { write: false, previous: null };
    }
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { start, count: 1 });
    return { write: true, previous: e && e.count > 1 ? { from: new Date(e.start), count: e.count } : null };
  }
}
