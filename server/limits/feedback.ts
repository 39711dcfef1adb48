import "server-only";
// Spam resistance for the public feedback form: a per-address budget, counted in the shared store.
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { limitKey, sharedLimiter } from "./store";

export const FEEDBACK_PER_ADDRESS = 5;
export const FEEDBACK_WINDOW_SEC = 60 * 60;

export function feedbackLimiter(): Promise<RateLimiterAbstract> {
  return sharedLimiter({ keyPrefix: "feedback", points: FEEDBACK_PER_ADDRESS, duration: FEEDBACK_WINDOW_SEC });
}

/** Spends one submission for this address; returns minutes to wait when none are left, else null. */
export async function takeFeedbackSlot(ip: string, limiter?: RateLimiterAbstract): Promise<number | null> {
  try {
    await (limiter ?? (await feedbackLimiter())).consume(limitKey(ip || "unknown"));
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 60000));
    throw e;
  }
}
