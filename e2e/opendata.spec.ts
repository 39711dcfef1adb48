// Open data in a browser: /data lists every dataset with working download links and the
// dictionary, /data/api renders the OpenAPI document, /data/methodology prints the rules in force,
// and the API answers as documented. Accessibility checked with axe on each page.
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { RULES_VERSION, rules } from "../lib/publish/rules";

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

type Doc = { paths: Record<string, unknown> };

// /data renders every dataset's dictionary: give slow (shared, loaded) machines room.
test.describe.configure({ timeout: 180_000 });
test.use({ navigationTimeout: 120_000 });

test("/data lists every dataset with fixed download URLs, row counts and the dictionary", async ({ page, request }) => {
  const index = await (await request.get("/api/v1")).json();
  const slugs: string[] = index.datasets.map((d: { slug: string }) => d.slug);
  expect(slugs.length).toBeGreaterThanOrEqual(8);
  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible({ timeout: 60_000 });
  for (const slug of slugs) {
    const section = page.locator(`section#${slug}`);
    await expect(section).toBeVisible();
    for (const href of [`/api/v1/${slug}.csv`, `/api/v1/${slug}.json`, `/api/v1/${slug}`]) {
      await expect(section.locator(`a[href="${href}"]`)).toHaveCount(1);
    }
    await expect(section.getByText("Rows", { exact: true })).toBeVisible();
  }
  for (const href of ["/api/v1", "/api/v1/openapi.json", "/data/api", "/data/methodology"]) {
    await expect(page.locator(`a[href="${href}"]`).first()).toBeAttached();
  }
  await expectAccessible(page);

  // The flight log's CSV header is exactly the dictionary's column list shown on the page.
  const dictColumns = await page.locator("section#drone-flights table tbody tr td:first-child").allTextContents();
  const csv = await request.get("/api/v1/drone-flights.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="drone-flights-.*\.csv"$/);
  const [header] = parse(await csv.text(), { to_line: 1 });
  expect(header).toEqual(dictColumns);
});

test("a download link on /data downloads a file in the browser", async ({ page }) => {
  await page.goto("/data");
  const download = page.waitForEvent("download");
  await page.locator('section#budget-items a[href="/api/v1/budget-items.csv"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^budget-items-\d{4}-\d{2}-\d{2}\.csv$/);
});

test("/data/api shows every route of the OpenAPI document", async ({ page, request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
  await page.goto("/data/api");
  for (const path of Object.keys(doc.paths)) {
    await expect(page.locator(`a[href="${path}"]`).first()).toBeAttached();
  }
  await expect(page.getByText(/requests a minute per address/)).toBeVisible();
  await expectAccessible(page);
});

test("/data/methodology prints the rules in force and the latest publication", async ({ page }) => {
  await page.goto("/data/methodology");
  await expect(page.getByText(`Rules version ${RULES_VERSION}`)).toBeVisible();
  await expect(page.locator('[data-rule="minCount"]')).toHaveText(String(rules.minCount));
  await expect(page.locator('[data-rule="h3Resolution"]')).toHaveText(String(rules.h3Resolution));
  await expect(page.locator('[data-rule="delayHours.cameraAccess"]')).toContainText(
    String(rules.delayHours.cameraAccess),
  );
  await expect(page.getByRole("heading", { name: "Latest publication" })).toBeVisible();
  await expect(page.getByText("Data as of")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Known data issues" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Dataset schema changelog/ })).toBeVisible();
  await expectAccessible(page);
});

test("the API validates parameters, pages with cursors, sends ETags and CORS", async ({ request }) => {
  const bad = await request.get("/api/v1/drone-flights?outcome=vanished");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).parameter).toBe("outcome");
  const first = await request.get("/api/v1/drone-flights?limit=5");
  expect(first.status()).toBe(200);
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  const body = await first.json();
  expect(body.data.length).toBe(5);
  const etag = first.headers()["etag"];
  const again = await request.get("/api/v1/drone-flights?limit=5", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const next = await (await request.get(body.links.next)).json();
  expect(next.data[0].id).not.toBe(body.data[0].id);
});
