import "server-only";
// Response helpers shared by every /api/v1 route: CORS for GET, plain-language errors, caching.
import { createHash } from "node:crypto";
import { apiLimiter, clientKey } from "../../limits/api";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
  "Access-Control-Expose-Headers":
    "ETag, Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, Content-Disposition",
  "Access-Control-Max-Age": "86400",
};

/** Published data changes when a publication runs; staff content may change at any moment. */
export function cacheControl(source: "publication" | "staff" | "static"): string {
  if (source === "static") return "public, max-age=3600";
  if (source === "staff") return "public, max-age=60, stale-while-revalidate=300";
  return "public, max-age=300, stale-while-revalidate=3600";
}

export function problem(
  status: number,
  message: string,
  extra: Record<string, string> = {},
  parameter?: string,
): Response {
  const body = parameter ? { error: message, parameter } : { error: message };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...extra,
    },
  });
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** JSON with a weak ETag of the body; answers 304 when the client already has it. */
export function jsonWithEtag(req: Request, body: unknown, headers: Record<string, string>): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha1").update(text).digest("base64url")}"`;
  const all = { ...CORS_HEADERS, ...headers, ETag: etag };
  if (etagMatches(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: all });
  return new Response(text, { status: 200, headers: { ...all, "Content-Type": "application/json; charset=utf-8" } });
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}

/** Applies the rate limit; returns a 429 to send, or the headers to add to the real answer. */
export async function limit(req: Request): Promise<{ blocked: Response } | { headers: Record<string, string> }> {
  const d = await (await apiLimiter())(clientKey(req.headers));
  if (!d.ok) {
    return {
      blocked: problem(
        429,
        `Too many requests: the limit is ${d.limit} a minute. Try again in ${d.retryAfterSeconds} s.`,
        {
          "Retry-After": String(d.retryAfterSeconds),
          "X-RateLimit-Limit": String(d.limit),
          "X-RateLimit-Remaining": "0",
        },
      ),
    };
  }
  return { headers: { "X-RateLimit-Limit": String(d.limit), "X-RateLimit-Remaining": String(d.remaining) } };
}
