// Runs before every request: sets the security headers (a fresh CSP nonce each time, which Next
// reads from the request's Content-Security-Policy header and puts on its own scripts), and
// redirects signed-out visitors to protected areas to /signin early. The real checks (role,
// revocation, timeouts, MFA) happen in server/auth/dal.ts on every page, action and handler.
import NextAuth from "next-auth";
import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import { baseAuthConfig } from "./auth.config";
import { env } from "./lib/env";
import { newNonce, securityHeaders } from "./lib/security/headers";
import { refuseRequest } from "./lib/security/request-guard";

const { auth } = NextAuth(() => baseAuthConfig());

// With a lazy (per-request) config, auth(handler) resolves to the wrapped handler.
const wrapped = auth((req) => {
  const path = req.nextUrl.pathname + req.nextUrl.search;
  if (!req.auth) {
    const url = new URL("/signin", req.nextUrl.origin);
    url.searchParams.set("next", path);
    return NextResponse.redirect(url);
  }
  // Lets pages build a "come back here" sign-in link without guessing their own URL.
  const headers = new Headers(req.headers);
  headers.set("x-daylight-path", path);
  return NextResponse.next({ request: { headers } });
});

const PROTECTED = /^\/(review|admin|staff|account)(\/|$)|^\/signin\/enroll$/;

export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  const e = env();
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const oidc = e.AUTH_OIDC_ISSUER ? [new URL(e.AUTH_OIDC_ISSUER).origin] : [];
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, https, dev: e.NODE_ENV === "development", formTargets: oidc });
  const forwarded = new Headers(req.headers);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  forwarded.set("x-nonce", nonce);
  // The page's own path and query: pages read the language (`?lang=`) and build their hreflang links from it.
  forwarded.set("x-daylight-path", req.nextUrl.pathname + req.nextUrl.search);
  let res: Response | undefined;
  const refused = refuseRequest({
    method: req.method,
    pathname: req.nextUrl.pathname,
    contentLength: req.headers.get("content-length"),
  });
  if (refused) {
    res = new NextResponse(refused.message, {
      status: refused.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } else if (PROTECTED.test(req.nextUrl.pathname)) {
    // At run time auth(fn) with a lazy config is a Promise of the handler, whatever its type says.
    const handler = await (wrapped as unknown as Promise<
      (r: NextRequest, e: NextFetchEvent) => Promise<Response | undefined>
    >);
    res = await handler(new NextRequest(req, { headers: forwarded }), ev);
  }
  res ??= NextResponse.next({ request: { headers: forwarded } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Every route, static files included (the headers belong on every response).
  matcher: ["/:path*"],
};
