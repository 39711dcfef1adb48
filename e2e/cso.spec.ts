// Community Safety Officers as a resident reads them: headline figures against the pre-pilot
// baseline, every chart with its table, referrals and evidence, the map. Checked with axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("CSO page: figures, charts with tables, baseline comparison, map; no serious axe violations", async ({ page }) => {
  // A long page (eight charts, their tables and a map): axe needs more than the default on 2 cores.
  test.setTimeout(180_000);
  await page.goto("/cso");
  await expect(page.getByRole("heading", { level: 1, name: "Community Safety Officers" })).toBeVisible();
  await expect(page.getByText(/Data as of/)).toBeVisible();
  const cards = page.locator("#h-last30 ~ ul.cards li");
  await expect(cards.first()).toBeVisible();
  await expect(page.locator("li", { hasText: "Handled with no sworn backup" }).first().locator(".metric")).toHaveText(
    /^\d+%$/,
  );
  await expect(page.locator("li", { hasText: "Median time to arrive" }).first()).toContainText(
    "patrol before the pilot",
  );
  for (const title of [
    "CSO calls per week, by how the call came in",
    "Calls by type",
    "How calls came in",
    "Median minutes from call received to officer on scene, by month",
    "How calls ended",
    "Referrals by type of service",
    "Calls by neighborhood",
    "Calls by hour of day",
  ]) {
    await expect(page.locator("figure", { hasText: title }).locator("table").first(), title).toBeAttached();
  }
  await expect(
    page.locator("caption", { hasText: "Median minutes to arrive by type of call: CSO vs patrol before the pilot" }),
  ).toBeAttached();
  const evidence = page.locator("table", {
    has: page.locator("caption", { hasText: "Sworn backup, reports and evidence" }),
  });
  await expect(evidence.locator("tr", { hasText: "Calls with DNA collected" })).toContainText(/\d|fewer than 11/);
  await expect(page.locator("figure", { hasText: "CSO calls by cell" }).locator("svg").first()).toBeVisible();
  await expect(page.locator("svg.chart-surface").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
