import "server-only";
// Spam resistance for the public feedback form: a per-address budget (in memory: one portal
// process; a cluster would use the library's Postgres store).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const FEEDBACK_PER_ADDRESS = 5;
export const FEEDBACK_WINDOW_SEC = 60 * 60;

const g = globalThis as typeof globalThis & { __daylightFeedbackLimiter?: RateLimiterMemory };

export function feedbackLimiter(): RateLimiterMemory {
  g.__daylightFeedbackLimiter ??= new RateLimiterMemory({
    points: FEEDBACK_PER_ADDRESS,
    duration: FEEDBACK_WINDOW_SEC,
  });
  return g.__daylightFeedbackLimiter;
}

/** Spends one submission for this address; returns minutes to wait when none are left, else null. */
export async function takeFeedbackSlot(ip: string, limiter = feedbackLimiter()): Promise<number | null> {
  try {
    await limiter.consume(ip || "unknown");
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 60000));
    throw e;
  }
}
