// Runs before every request: sets the security headers (a fresh CSP nonce each time, which Next
// reads from the request's Content-Security-Policy header and puts on its own scripts), and
// redirects signed-out visitors to protected areas to /signin early. The real checks (role,
// revocation, timeouts, MFA) happen in server/auth/dal.ts on every page, action and handler.
// Public pages that change only with a publication are served from memory between publications,
// under a policy with their own scripts' hashes instead of a nonce (lib/security/page-cache.ts).
import NextAuth from "next-auth";
import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import { baseAuthConfig } from "./auth.config";
import { env } from "./lib/env";
import { newNonce, securityHeaders } from "./lib/security/headers";
import { refuseRequest } from "./lib/security/request-guard";
import {
  hashPageScripts,
  isCacheablePage,
  nonceOf,
  PAGE_CACHE_HEADER,
  PAGE_ID_HEADER,
  PageCache,
  pageId,
  VersionPoll,
  type CachedPage,
} from "./lib/security/page-cache";
import { LOCALE_COOKIE, resolveLocale } from "./i18n/locale";

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

/** Marks the proxy's own render of a page for the cache: rendered as any request, never served from it. */
const FILL = "x-daylight-page-fill";
/** This instance, as `next start` listens on it (it sets PORT). */
const self = () => `http://127.0.0.1:${process.env.PORT || "3000"}`;
const pages = new PageCache();
// The latest publication, read from this instance's own database every 2 s: a publication by any
// instance or the CLI changes it, and the pages cached under the previous id are not served again.
const publication = new VersionPoll(async () => {
  const r = await fetch(`${self()}/api/health/publication`, { cache: "no-store", headers: { [FILL]: "1" } });
  if (!r.ok) return null;
  const { run } = (await r.json()) as { run: number | null };
  return run === null ? null : String(run);
});
/** Response headers a cached page keeps (the security headers are set afresh). */
const KEPT = ["content-type", "cache-control", "vary", "content-language"];

/** What a public page depends on besides the publication, or null when it must be rendered afresh. */
function pageKey(req: NextRequest, https: boolean): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (!isCacheablePage(req.nextUrl.pathname) || req.headers.has(FILL)) return null;
  // Client-side navigations and prefetches ask for the flight data, not the HTML. Next takes their
  // `RSC` headers and `_rsc` parameter off the request before the proxy sees it, so they are told
  // apart by what is left: the router's `Next-Url`, and the browser's Fetch Metadata (a page the
  // reader opens is a `navigate` to a `document`; the router's fetches are neither).
  const dest = req.headers.get("sec-fetch-dest");
  const mode = req.headers.get("sec-fetch-mode");
  if (
    req.headers.has("rsc") ||
    req.headers.has("next-url") ||
    req.nextUrl.searchParams.has("_rsc") ||
    (dest !== null && dest !== "document") ||
    (mode !== null && mode !== "navigate")
  )
    return null;
  // A signed-in visitor's pages are rendered for them.
  if (req.cookies.getAll().some((c) => c.name.includes("authjs."))) return null;
  const path = req.nextUrl.pathname + req.nextUrl.search;
  const locale = resolveLocale({
    path,
    cookie: req.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: req.headers.get("accept-language"),
  });
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "";
  return [locale, https ? "https" : "http", host, path].join("\n");
}

/** Renders the page through this instance as any request would be, then hashes its own scripts. */
async function renderForCache(req: NextRequest, https: boolean): Promise<CachedPage | null> {
  const headers = new Headers({ [FILL]: "1" });
  const lang = req.cookies.get(LOCALE_COOKIE)?.value;
  if (lang) headers.set("cookie", `${LOCALE_COOKIE}=${lang}`);
  const accept = req.headers.get("accept-language");
  if (accept) headers.set("accept-language", accept);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  if (https) headers.set("x-forwarded-proto", "https");
  const res = await fetch(self() + req.nextUrl.pathname + req.nextUrl.search, {
    headers,
    redirect: "manual",
    cache: "no-store",
  });
  const nonce = nonceOf(res.headers.get("content-security-policy"));
  const html = res.headers.get("content-type")?.startsWith("text/html");
  if (res.status !== 200 || !html || !nonce || res.headers.has("set-cookie")) {
    // Not awaited: the body may be one branch of a tee (Next's fetch), whose cancel settles only
    // when the other branch is cancelled too (a redirecting page hung here).
    void res.body?.cancel().catch(() => undefined);
    return null;
  }
  const text = await res.text();
  if (text.includes('id="__next_error__"')) return null;
  const page = await hashPageScripts(text, nonce);
  const body = new TextEncoder().encode(page.html);
  return {
    status: 200,
    body,
    id: await pageId(body),
    headers: KEPT.flatMap((k) => {
      const v = res.headers.get(k);
      return v === null ? [] : [[k, v] as [string, string]];
    }),
    scriptHashes: page.scriptHashes,
  };
}

/** The page from memory (filled on a miss), or null to render it per request. */
async function cachedPage(req: NextRequest, https: boolean): Promise<CachedPage | null> {
  const key = pageKey(req, https);
  if (key === null) return null;
  try {
    const version = await publication.current();
    if (version === null) return null;
    return pages.get(version, key) ?? (await pages.fill(version, key, () => renderForCache(req, https)));
  } catch {
    return null;
  }
}

export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  const e = env();
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const oidc = e.AUTH_OIDC_ISSUER ? [new URL(e.AUTH_OIDC_ISSUER).origin] : [];
  const dev = e.NODE_ENV === "development";
  const cached = dev ? null : await cachedPage(req, https);
  if (cached) {
    const res = new NextResponse(req.method === "HEAD" ? null : (cached.body as BodyInit), {
      status: cached.status,
      headers: cached.headers,
    });
    res.headers.set(PAGE_CACHE_HEADER, "hit");
    res.headers.set(PAGE_ID_HEADER, cached.id);
    const h = securityHeaders({ scriptHashes: cached.scriptHashes, https, formTargets: oidc });
    for (const [k, v] of Object.entries(h)) res.headers.set(k, v);
    return res;
  }
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, https, dev, formTargets: oidc });
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
