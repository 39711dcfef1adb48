// The leak test over HTTP and in the browser: the e2e server plants canaries in the raw tables
// (DAYLIGHT_E2E_CANARIES=1 → server/publish/canaries.ts) before publishing. We crawl every public
// page (following links from / and the nav), the API and the exports, and fail on any canary
// string or any coordinate within 150 m of the sensitive call's exact point, and on any sensitive
// site's name, point (radius plus buffer) or resolution-8-or-finer cell (tests/publish/leak-check.ts).
import { expect, test } from "@playwright/test";
import { findLeaks } from "../tests/publish/leak-check";

const PRIVATE = /^\/(review|staff|signin|api\/auth|api\/ingest|_next|forbidden)/;
const MAX_URLS = Number(process.env.E2E_LEAK_MAX_URLS ?? 300);
/** Query-string variants followed per path (a paginated log has hundreds of pages). */
const MAX_VARIANTS = 4;

function day(offset: number): string {
  return new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
}

function linksIn(text: string, base: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:href|src|action)="([^"]+)"/g)) out.push(m[1].replace(/&amp;/g, "&"));
  // JSON bodies (the API index, OpenAPI): any string that is a site path.
  for (const m of text.matchAll(
    /"(\/(?:api\/v1|data|drones|cameras|plate-readers|cso|policies|updates|council)[^"\s{}]*)"/g,
  ))
    out.push(m[1]);
  return out.flatMap((h) => {
    try {
      const u = new URL(h, base);
      return u.origin === new URL(base).origin ? [u.pathname + u.search] : [];
    } catch {
      return [];
    }
  });
}

test("no canary and no coordinate near the sensitive point anywhere in public output", async ({
  request,
  page,
  baseURL,
}) => {
  test.setTimeout(900_000);
  const base = baseURL!;
  // The canaries happened 10 days before setup: visit the flight log around then, so their
  // permalinks are crawled too.
  const start = [
    "/",
    "/drones",
    `/drones/flights?from=${day(-12)}&to=${day(-8)}`,
    `/drones/flights?from=${day(-12)}&to=${day(-8)}&page=2`,
    "/drones/nearby",
    "/data",
    "/data/api",
    "/data/methodology",
    "/api/v1",
    "/api/v1/openapi.json",
  ];
  // Camera and plate-reader sites are disclosed infrastructure (privacy.md, "Place"), not places of
  // events: one may stand near the sensitive call without revealing it.
  const inventory = (await (await request.get("/api/v1/cameras.json")).json()) as {
    rows: { lat: number; lon: number }[];
  };
  const sites = inventory.rows.map((r) => ({ lat: r.lat, lon: r.lon }));
  expect(sites.length).toBeGreaterThan(10);
  const queue = [...start];
  const seen = new Set<string>(queue);
  const variants = new Map<string, number>();
  const leaks: string[] = [];
  let fetched = 0;
  while (queue.length && fetched < MAX_URLS) {
    const url = queue.shift()!;
    const res = await request.get(url, { timeout: 120_000 });
    fetched++;
    const type = res.headers()["content-type"] ?? "";
    if (!/text|json|csv|xml|javascript/.test(type)) continue;
    const body = await res.text();
    leaks.push(...findLeaks(body, url, sites));
    if (!/html|json/.test(type)) continue;
    for (const link of linksIn(body, base + url)) {
      const path = link.split("?")[0];
      if (PRIVATE.test(path) || seen.has(link) || /\.(png|svg|ico|css|js|woff2?)$/.test(path)) continue;
      const n = variants.get(path) ?? 0;
      if (link.includes("?") && n >= MAX_VARIANTS) continue;
      variants.set(path, n + 1);
      seen.add(link);
      queue.push(link);
    }
  }
  expect(fetched).toBeGreaterThan(Math.min(40, MAX_URLS - 1));
  expect([...seen].some((u) => /^\/drones\/flights\/f-/.test(u))).toBe(true);
  expect([...seen].some((u) => /^\/api\/v1\/.+\.csv/.test(u))).toBe(true);

  // Every open dataset with every filter value the API advertises (OpenAPI enums), and every value
  // the pages offer in their filter menus (categories, areas, places …), as JSON and as CSV.
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, { get?: { parameters?: { name: string; schema?: Record<string, unknown> }[] } }>;
  };
  const menuValues = new Map<string, Set<string>>();
  for (const path of ["/drones/flights", "/cameras/access-log", "/plate-readers", "/cso"]) {
    const html = await (await request.get(path)).text();
    for (const sel of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const set = menuValues.get(sel[1]) ?? new Set<string>();
      for (const o of sel[2].matchAll(/<option[^>]*value="([^"]*)"/g)) if (o[1]) set.add(o[1].replace(/&amp;/g, "&"));
      menuValues.set(sel[1], set);
    }
  }
  expect(menuValues.get("category")?.has("protected")).toBe(true);
  let apiRequests = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!/^\/api\/v1\/[a-z-]+$/.test(path) || !item.get?.parameters) continue;
    for (const p of item.get.parameters) {
      if (["cursor", "limit", "format", "from", "to"].includes(p.name)) continue;
      const schema = p.schema ?? {};
      const enums = [
        ...((schema.enum as string[] | undefined) ?? []),
        ...((schema.anyOf as { enum?: string[] }[] | undefined) ?? []).flatMap((x) => x.enum ?? []),
      ];
      for (const v of new Set([...enums, ...(menuValues.get(p.name) ?? [])])) {
        for (const suffix of ["", ".csv"]) {
          const url = `${path}${suffix}?${new URLSearchParams({ [p.name]: v }).toString()}`;
          const res = await request.get(url, { timeout: 120_000 });
          apiRequests++;
          // A value one dataset's menu offers may be unknown to another: a clear 400, never a 500.
          expect(res.status(), url).toBeLessThan(500);
          leaks.push(...findLeaks(await res.text(), url, sites));
        }
      }
    }
  }
  expect(apiRequests).toBeGreaterThan(50);
  // A specific sensitive category is refused, not counted.
  for (const code of ["domestic_violence", "sexual_assault"]) {
    expect((await request.get(`/api/v1/drone-flights?category=${code}`)).status()).toBe(400);
    expect((await request.get(`/api/v1/cso-calls.csv?category=${code}`)).status()).toBe(400);
  }

  // The rendered DOM too (client components render after hydration).
  for (const path of ["/", "/drones", "/drones/flights", "/cameras", "/cameras/access-log", "/plate-readers", "/cso"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    leaks.push(...findLeaks(await page.content(), `browser ${path}`, sites));
  }
  expect(leaks).toEqual([]);
});
