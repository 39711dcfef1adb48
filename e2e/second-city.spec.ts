// A second city goes live on its own exports, from an empty Postgres database (config/second-city.json;
// scripts/e2e-second-city-server.mjs sets it up with `daylight setup --no-demo`, imports one small
// file of each real vendor format and creates a staff account with the CLI). Staff map an
// unclassified call type on /staff/call-types; the publication that change triggers shows it publicly.
// Run by playwright.second-city.config.ts; skipped (saying why) without a reachable Postgres server.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect as baseExpect, test, type APIRequestContext } from "@playwright/test";
import { nextTotpCode } from "./review-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });
const dataDir = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e-second-city");

test.skip(process.env.DAYLIGHT_E2E_SECOND_CITY !== "1", "runs with playwright.second-city.config.ts only");

/** Published flights of a category, counted from the open-data API. */
async function flightsOf(request: APIRequestContext, category: string): Promise<number> {
  const r = await request.get(`/api/v1/drone-flights?category=${category}&limit=100`);
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { data: { category: string }[] };
  return body.data.filter((f) => f.category === category).length;
}

test("a second city, from an empty database and its own exports, maps a call type and publishes it", async ({
  page,
  request,
}) => {
  const skipFile = path.join(dataDir, "skip.txt");
  test.skip(existsSync(skipFile), existsSync(skipFile) ? readFileSync(skipFile, "utf8") : "");
  test.setTimeout(150_000);
  const staff = JSON.parse(readFileSync(path.join(dataDir, "staff.json"), "utf8")) as {
    email: string;
    password: string;
    totpSecret: string;
  };

  // The city's own name and reference data, no demo data.
  await page.goto("/");
  await expect(page.locator("body")).toContainText("Marlow Springs");
  // Three "Auto Boost" flights (two identical CSV rows and one from the JSON API) are not yet classified.
  expect(await flightsOf(request, "unclassified")).toBe(3);
  const trainingBefore = await flightsOf(request, "training");
  expect(trainingBefore).toBe(1);

  // The plate-reader purposes as the import mapped the two vendors' reasons: "investigation" and
  // "UUV"/"stolen vehicle" through the shipped map, "Daytime search for best result" and a redacted
  // reason not yet classified; the public log never shows a raw reason or a redaction mark.
  await page.goto("/plate-readers");
  const searches = page.getByRole("table", { name: /Plate-reader searches/ });
  const rows = searches.locator("tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: "Stolen vehicle" })).toHaveCount(2);
  await expect(rows.filter({ hasText: "Criminal investigation" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Not yet classified" })).toHaveCount(2);
  for (const raw of ["Daytime search for best result", "UUV", "REDACTED", "***"])
    await expect(page.locator("main")).not.toContainText(raw);

  await page.goto(`/signin?next=${encodeURIComponent("/staff/call-types")}`);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByLabel(/6-digit code/).fill(await nextTotpCode(staff.totpSecret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin(\/continue)?(\?|$)/, { timeout: 60_000 });
  await page.goto("/staff/call-types");
  await expect(page.getByRole("heading", { level: 1, name: "Call types not yet classified" })).toBeVisible();
  // Plate-reader reasons no mapping covers are listed beside the flights' call types.
  await expect(page.getByRole("region", { name: "Daytime search for best result" })).toContainText(
    "1 plate-reader search",
  );
  const card = page.getByRole("region", { name: "Auto Boost" });
  await expect(card).toContainText("3 records: 3 drone flights");
  await card.getByLabel("Category", { exact: true }).selectOption({ label: "Training or test flight" });
  await card.getByRole("button", { name: "Save category" }).click();
  await expect(page.getByRole("status")).toContainText('"Auto Boost" now maps to Training or test flight');
  await expect(page.getByRole("status")).toContainText("3 records reclassified");

  // The mapping change queues a publication (within a minute): the public API then shows the flights as training.
  await expect
    .poll(() => flightsOf(request, "training"), { timeout: 100_000, intervals: [2_000, 5_000] })
    .toBe(trainingBefore + 3);
  expect(await flightsOf(request, "unclassified")).toBe(0);
  await page.goto("/drones/flights");
  await expect(page.locator("main")).toContainText("Training or test flight");
  await expect(page.locator("main")).not.toContainText("Not yet classified");
});
