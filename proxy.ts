// Early redirect only: signed-out visitors to protected areas go to /signin. The real checks
// (role, revocation, timeouts, MFA) happen in lib/auth/dal.ts on every page, action and handler.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "./auth.config";

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

export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  const handler = (await wrapped) as unknown as (r: NextRequest, e: NextFetchEvent) => Promise<Response | undefined>;
  return handler(req, ev);
}

export const config = {
  matcher: ["/review/:path*", "/admin/:path*", "/staff/:path*", "/signin/enroll", "/account/:path*"],
};
