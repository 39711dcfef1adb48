// Drones as a resident uses them: the overview with charts and tables, the flight log's
// filters, sort and pages in the URL, a flight's permalink with its map, and "Was that a
// police drone?". Accessibility checked with axe on each page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("overview: headline metrics, every chart with its table, the activity map", async ({ page }) => {
  await page.goto("/drones");
  await expect(page.getByRole("heading", { level: 1, name: "Drones as first responders" })).toBeVisible();
  await expect(page.getByText(/Data as of/)).toBeVisible();
  await expect(page.locator("#h-headline ~ ul.cards li").first()).toBeVisible();
  for (const caption of [
    "Flights by call type, last 30 days",
    "Median time to scene by call type: drone vs patrol before the pilot",
    "Flights by outcome, since launch",
  ]) {
    await expect(page.locator("caption", { hasText: caption })).toBeAttached();
  }
  for (const title of [
    "Flights per week by type of call",
    "Median minutes from dispatch to drone on scene, by month",
    "Flights by hour of day",
    "How long flights last",
  ]) {
    await expect(page.locator("figure", { hasText: title }).locator("table")).toBeAttached();
  }
  await expect(page.locator("figure", { hasText: "Drone flights by cell" }).locator("svg[role=group]")).toBeVisible();
  await expectAccessible(page);
});

test("flight log: filters, sort and page live in the URL; a flight has a permalink", async ({ page }) => {
  await page.goto("/drones/flights");
  const status = page.getByRole("status").filter({ hasText: /flights/ });
  await expect(status).toContainText("Showing 1–25 of");
  const total = Number((await status.textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ""));
  await page.getByLabel("Linked to a call").selectOption("no");
  await Promise.all([
    page.waitForURL(/linked=no/, { timeout: 120_000 }),
    page.getByRole("button", { name: "Apply filters" }).click(),
  ]);
  const filtered = Number((await status.textContent())!.match(/of ([\d,]+)|([\d,]+) flights/)![1].replace(/,/g, ""));
  expect(filtered).toBeLessThan(total);
  for (const cell of await page.locator("tbody tr td:nth-child(8)").allTextContents()) expect(cell).toBe("No");

  await Promise.all([
    page.waitForURL(/sort=duration/, { timeout: 120_000 }),
    page.getByRole("link", { name: /Minutes in the air/ }).click(),
  ]);
  await expect(page).toHaveURL(/linked=no/);
  await expect(page.locator("th[aria-sort='descending']")).toContainText("Minutes in the air");
  const minutes = (await page.locator("tbody tr td:nth-child(5)").allTextContents()).map(Number);
  expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  await expectAccessible(page);

  const shared = page.url();
  await page.goto(shared); // a shared link reproduces the view
  await expect(page.locator("th[aria-sort='descending']")).toContainText("Minutes in the air");

  const first = page.locator("tbody tr th a").first();
  const href = await first.getAttribute("href");
  await Promise.all([page.waitForURL(`**${href}`, { timeout: 120_000 }), first.click()]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Drone flight f-");
  await expect(page.getByText("Linked to a call for service")).toBeVisible();
  await expect(page.locator("figure svg[role=group]")).toBeVisible();
  await expectAccessible(page);
});

test("was that a police drone? an area and a day give the flights that passed", async ({ page }) => {
  await page.goto("/drones/flights?linked=yes");
  const when = (await page.locator("tbody tr th a").first().textContent())!;
  const d = new Date(when.replace(/ hour$| \(day only\)$/, "").replace(/, (\d+:\d+ [AP]M)$/, " $1"));
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  await page.goto("/drones/nearby");
  await expect(page.getByRole("heading", { level: 1, name: "Was that a police drone?" })).toBeVisible();
  // The map to pick a spot on has the city's streets under it, with their names.
  const streets = page.locator("[data-layer='streets']").first();
  await expect(streets).toBeAttached();
  expect(await streets.locator("path").count()).toBeGreaterThan(3);
  const areaSelect = page.getByRole("combobox", { name: "Area" });
  const areas = await areaSelect
    .locator("option")
    .evaluateAll((o) => (o as HTMLOptionElement[]).map((x) => x.value).filter(Boolean));
  let found = false;
  for (const area of areas) {
    await page.goto(`/drones/nearby?area=${area}&date=${iso}&hour=0&hours=24`);
    const h = page.locator("#h-results");
    await expect(h).toBeVisible();
    if (/passed nearby/.test((await h.textContent()) ?? "")) {
      found = true;
      await expect(page.locator("table caption", { hasText: "Flights that passed the chosen place" })).toBeAttached();
      break;
    }
  }
  expect(found).toBe(true);
  await expectAccessible(page);
  // Choosing through the form keeps the choice in the URL.
  await page.goto("/drones/nearby");
  await page.getByRole("combobox", { name: "Area" }).selectOption(areas[0]);
  await expect(page.getByRole("status").filter({ hasText: "Area chosen" })).toBeVisible();
  await page.getByLabel("Date").fill(iso);
  await Promise.all([
    page.waitForURL(new RegExp(`area=${areas[0]}`), { timeout: 120_000 }),
    page.getByRole("button", { name: "Find flights" }).click(),
  ]);
  await expect(page.locator("#h-results")).toBeVisible();
});
