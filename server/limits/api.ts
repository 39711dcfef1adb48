import "server-only";
// Public API rate limit: N requests per minute per client IP (DAYLIGHT_API_RATE_LIMIT, default 60).
// In memory per server instance: behind several instances the effective limit is N per instance.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";

export type RateDecision =
  { ok: true; remaining: number; limit: number } | { ok: false; retryAfterSeconds: number; limit: number };

export function createApiLimiter(points: number, durationSeconds = 60) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: "api-v1" });
  return async function check(key: string): Promise<RateDecision> {
    try {
      const r = await limiter.consume(key, 1);
      return { ok: true, remaining: r.remainingPoints, limit: points };
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)), limit: points };
      }
      throw e;
    }
  };
}

type Check = ReturnType<typeof createApiLimiter>;
const g = globalThis as typeof globalThis & { __daylightApiLimiter?: Check };

/** The process-wide limiter (kept on globalThis so dev hot reload does not reset it). */
export function apiLimiter(): Check {
  g.__daylightApiLimiter ??= createApiLimiter(env().DAYLIGHT_API_RATE_LIMIT);
  return g.__daylightApiLimiter;
}

/** The client's address under the configured trust boundary (see lib/auth/client-ip.ts). */
export function clientKey(headers: Headers): string {
  return clientIp(headers) ?? "unknown";
}
