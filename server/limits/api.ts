import "server-only";
// Public API rate limit: N requests per minute per client address (DAYLIGHT_API_RATE_LIMIT,
// default 60), counted in the shared store so N holds across every portal process.
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { createLimiter, limitKey, sharedLimiter, type LimitStore } from "./store";

export type RateDecision =
  { ok: true; remaining: number; limit: number } | { ok: false; retryAfterSeconds: number; limit: number };

export type ApiCheck = (key: string) => Promise<RateDecision>;

function checker(limiter: RateLimiterAbstract): ApiCheck {
  return async (key) => {
    try {
      const r = await limiter.consume(limitKey(key), 1);
      return { ok: true, remaining: r.remainingPoints, limit: limiter.points };
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        return { ok: false, retryAfterSeconds, limit: limiter.points };
      }
      throw e;
    }
  };
}

const OPTIONS = { keyPrefix: "api-v1", duration: 60 };

/** A limiter of `points` requests a minute on the given store (tests; several "processes"). */
export function createApiLimiter(store: LimitStore, points: number): ApiCheck {
  return checker(createLimiter(store, { ...OPTIONS, points }));
}

/** The process's limiter, on the shared store. */
export async function apiLimiter(): Promise<ApiCheck> {
  return checker(await sharedLimiter({ ...OPTIONS, points: env().DAYLIGHT_API_RATE_LIMIT }));
}

/** The client's address under the configured trust boundary (see lib/auth/client-ip.ts). */
export function clientKey(headers: Headers): string {
  return clientIp(headers) ?? "unknown";
}
