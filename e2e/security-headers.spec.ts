// Every public page and sign-in loads under the Content-Security-Policy with no violation (console
// or securitypolicyviolation event), its scripts run (Next's inline payload and hydration need the
// nonce, or on a page served from the cache between publications the hashes of its own scripts),
// and every response carries the security headers.
import { expect, test, type Page } from "@playwright/test";

const PAGES = [
  "/",
  "/drones",
  "/drones/flights",
  "/drones/nearby",
  "/cameras",
  "/cameras/access-log",
  "/plate-readers",
  "/cso",
  "/council",
  "/council/print",
  "/council/prioritization",
  "/costs",
  "/audit",
  "/policies",
  "/updates",
  "/feedback",
  "/feedback/new",
  "/data",
  "/data/api",
  "/data/methodology",
  "/signin",
];

type Violations = { console: string[]; events: string[] };

async function watch(page: Page): Promise<Violations> {
  const v: Violations = { console: [], events: [] };
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text()))
      v.console.push(m.text());
  });
  await page.exposeFunction("__reportCsp", (s: string) => v.events.push(s));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      void (window as unknown as { __reportCsp: (s: string) => Promise<void> }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return v;
}

/** Pages kept between publications (lib/security/page-cache.ts): the second visit is a cached copy. */
const CACHED = new Set([
  "/",
  "/drones",
  "/drones/flights",
  "/cameras",
  "/cameras/access-log",
  "/plate-readers",
  "/cso",
]);

function expectSecurityHeaders(h: Record<string, string>, where: string) {
  const csp = h["content-security-policy"] ?? "";
  const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  if (h["x-daylight-cache"] === "hit") {
    // A cached copy: its own inline scripts' hashes, no nonce (it would be served twice).
    expect(script, where).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
  } else {
    expect(script, where).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  }
  expect(script, where).not.toContain("'unsafe-inline'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], where).toContain("camera=()");
  // Served over plain http here: no HSTS.
  expect(h["strict-transport-security"], where).toBeUndefined();
}

async function firstLink(page: Page, list: string, prefix: RegExp): Promise<string> {
  await page.goto(list);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => prefix.test(h));
  expect(href, `a detail link on ${list}`).toBeTruthy();
  return href!;
}

test("public pages and sign-in run under the CSP with no violation", async ({ page }) => {
  test.setTimeout(240_000);
  const details = [
    await firstLink(page, "/drones/flights", /^\/drones\/flights\/[^/?]+$/),
    await firstLink(page, "/policies", /^\/policies\/[^/?]+$/),
    await firstLink(page, "/updates", /^\/updates\/[^/?.]+$/),
  ];
  const policy = details[1];
  const v = await watch(page);
  // A page kept between publications is visited twice: rendered (nonce), then its cached copy.
  const visits = [...PAGES, ...details, `${policy}/diff`].flatMap((p) => (CACHED.has(p) ? [p, p] : [p]));
  let hits = 0;
  const seen = new Set<string>();
  for (const path of visits) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(400);
    const headers = res!.headers();
    expectSecurityHeaders(headers, path);
    const hit = headers["x-daylight-cache"] === "hit";
    if (hit) hits++;
    if (CACHED.has(path) && seen.has(path)) expect(hit, `${path}, second visit, from the cache`).toBe(true);
    seen.add(path);
    // Next's inline flight data only runs with the nonce or its hash; hydration needs it.
    await page.waitForFunction(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f));
    const scripts = await page
      .locator("script")
      .evaluateAll((s) => s.map((x) => ({ src: (x as HTMLScriptElement).src, nonce: (x as HTMLScriptElement).nonce })));
    expect(scripts.length, path).toBeGreaterThan(0);
    // Rendered per request, every script carries the nonce; a cached copy carries none.
    for (const s of scripts) {
      if (hit) expect(s.nonce, `${path} ${s.src || "inline script"}`).toBe("");
      else expect(s.nonce, `${path} ${s.src || "inline script"}`).not.toBe("");
    }
    await page.waitForLoadState("networkidle");
  }
  expect(hits, "cached copies served").toBeGreaterThanOrEqual(CACHED.size);
  // Charts (server-rendered SVG) and the maps drew under the policy.
  await page.goto("/drones");
  await expect(page.locator("svg.chart-surface").first()).toBeVisible();
  await expect(page.locator("main svg path").first()).toBeAttached();
  expect(v.console, "console CSP messages").toEqual([]);
  expect(v.events, "securitypolicyviolation events").toEqual([]);
});

test("API responses, static files and redirects carry the headers too", async ({ request }) => {
  for (const path of ["/api/v1", "/api/health", "/icon.svg", "/review"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    expectSecurityHeaders(res.headers(), path);
  }
});

test("the nonce is fresh on every response rendered per request", async ({ request }) => {
  const nonce = async () =>
    /'nonce-([^']+)'/.exec((await request.get("/policies")).headers()["content-security-policy"] ?? "")?.[1];
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});
