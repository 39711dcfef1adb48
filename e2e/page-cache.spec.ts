// Whole public pages are served from memory between publications (proxy.ts, lib/security/
// page-cache.ts): a cached flight log is served again, with a hash-based policy and no violation,
// and after new flights are imported and published it shows them within seconds, still cached.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { currentDataDir } from "./lanes";

test.describe.configure({ timeout: 300_000 });

const URL = "/drones/flights";

/** The flight log's total, and whether the response came from the page cache. */
async function flightLog(page: Page): Promise<{ total: number; cached: boolean; csp: string }> {
  const res = await page.goto(URL);
  expect(res?.status()).toBe(200);
  const text = (await page.locator("main [role=status]").first().textContent()) ?? "";
  const m = /of ([\d,]+) flights/.exec(text);
  if (!m) throw new Error(`no flight total on ${URL}: ${text}`);
  const h = res!.headers();
  return {
    total: Number(m[1].replace(/,/g, "")),
    cached: h["x-daylight-cache"] === "hit",
    csp: h["content-security-policy"],
  };
}

test("a cached public page shows a new publication's figures within seconds", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute)/i.test(m.text())) violations.push(m.text());
  });
  await flightLog(page);
  const before = await flightLog(page);
  expect(before.cached, "the second visit is served from the cache").toBe(true);
  const script = /script-src ([^;]*)/.exec(before.csp)?.[1] ?? "";
  expect(script).toMatch(/'sha256-[A-Za-z0-9+/=]{44}'/);
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'nonce-");
  // Next's inline payload ran under the hashes: the page hydrated.
  await page.waitForFunction(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f));

  // Three new flights, dated ten days back (inside the pilot and past the publication delay
  // whatever today is), at times no other run of this test used.
  const dataDir = currentDataDir();
  const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "/");
  const minute = (i: number) => String((Math.floor(Date.now() / 1000) + i) % 60).padStart(2, "0");
  const file = path.join(dataDir, `page-cache-${Date.now()}.csv`);
  writeFileSync(
    file,
    [
      "date,case_cad_event_number,flight_duration_minutes,reason_for_flight,call_type_original_desc,location,analysis_neighborhood,supervisor_district,point",
      ...[0, 1, 2].map(
        (i) => `${day} 09:${minute(i)}:00 AM,,${11 + i},Call for service,BURGLARY,,,3,POINT (-118.3530 33.8905)`,
      ),
    ].join("\n") + "\n",
  );
  const env = { ...process.env, DAYLIGHT_DATA_DIR: dataDir, DATABASE_URL: "" };
  const run = promisify(execFile);
  // The import hands the file to the running portal, which publishes after it; a publication of
  // our own makes sure one has committed after the import, whichever ran first.
  await run(process.execPath, ["bin/daylight.mjs", "import", "flights", file], { env, timeout: 240_000 });
  const { stdout } = await run(process.execPath, ["bin/daylight.mjs", "publish", "--trigger", "page-cache-test"], {
    env,
    timeout: 240_000,
  });
  expect(stdout).toMatch(/published run \d+/);

  // Within seconds of the commit the page shows the new flights, and is then served from the
  // cache again.
  await expect(async () => {
    expect((await flightLog(page)).total).toBe(before.total + 3);
  }).toPass({ timeout: 10_000, intervals: [500] });
  const after = await flightLog(page);
  expect(after.total).toBe(before.total + 3);
  expect(after.cached).toBe(true);
  expect(violations).toEqual([]);
});

test("the router's requests for a cached page get its flight data, never the cached HTML", async ({ request }) => {
  // A prefetch and a client-side navigation, as Next's router sends them (Next strips the RSC
  // headers before the proxy sees the request: what is left must be enough).
  const routerRequests: Record<string, string>[] = [
    { rsc: "1", "next-router-prefetch": "1", "next-url": "/", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" },
    { rsc: "1", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" },
  ];
  for (const headers of routerRequests) {
    const res = await request.get("/drones?_rsc=abc12", { headers });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-daylight-cache"]).toBeUndefined();
    expect(res.headers()["content-type"]).toContain("text/x-component");
  }
  // A reader opening the page gets the cached copy.
  const page = await request.get("/drones", {
    headers: { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" },
  });
  await page.body();
  const again = await request.get("/drones", {
    headers: { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" },
  });
  expect(again.headers()["x-daylight-cache"]).toBe("hit");
  expect(again.headers()["content-type"]).toContain("text/html");
  // The server's one-second copy of that answer (scripts/front-cache.mjs) serves the reader's next
  // request, the same page, and still never the router's requests.
  const nav = { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" };
  await expect(async () => {
    const a = await request.get("/drones", { headers: nav });
    const b = await request.get("/drones", { headers: nav });
    expect(b.headers()["x-daylight-front"]).toBe("hit");
    expect(b.headers()["x-daylight-cache"]).toBe("hit");
    expect(b.headers()["content-security-policy"]).toBe(a.headers()["content-security-policy"]);
    expect(await b.text()).toBe(await a.text());
  }).toPass({ timeout: 10_000 });
  // A reader whose language cookie asks for Spanish gets the Spanish page's copy, and a reader
  // without one the English page's, in the same second.
  await expect(async () => {
    const es = { ...nav, cookie: "lang=es" };
    await request.get("/drones", { headers: es });
    const spanish = await request.get("/drones", { headers: es });
    const english = await request.get("/drones", { headers: nav });
    expect(spanish.headers()["x-daylight-front"]).toBe("hit");
    expect(english.headers()["x-daylight-front"]).toBe("hit");
    expect(await spanish.text()).toContain('<html lang="es"');
    expect(await english.text()).toContain('<html lang="en"');
  }).toPass({ timeout: 10_000 });
  for (const headers of routerRequests) {
    const res = await request.get("/drones?_rsc=abc12", { headers });
    expect(res.headers()["x-daylight-front"]).toBeUndefined();
    expect(res.headers()["content-type"]).toContain("text/x-component");
  }
});
