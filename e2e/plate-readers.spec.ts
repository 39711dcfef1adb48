// A resident asks what a plate-reader transparency portal answers: readers, retention, reads and
// hits, searches with reason and offense type, sharing, and the policy.
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";

// Each navigation renders a server page over the whole published log: allow a slow machine.
const expect = baseExpect.configure({ timeout: 90_000 });

async function expectAxeClean(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}

// Pages are interacted with after hydration (networkidle): a select changed before React
// hydrates is reset to its server-rendered value.
const totalOf = async (page: Page) =>
  Number((await page.getByText(/^Showing \d/).textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ""));

test("plate readers: the numbers a resident asks for, with the policy and sharing", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/plate-readers", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Plate readers" })).toBeVisible();
  for (const label of [
    "Plate readers in service",
    "Data kept for",
    "Plates read",
    "Searches of plate data",
    "Searches linked to a case",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: label })).toBeVisible();
  }
  await expect(page.getByText(/\d+ days/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "plate-reader use policy" })).toHaveAttribute(
    "href",
    "/policies/plate-readers",
  );
  await expect(page.getByRole("table", { name: /Plate-reader data-sharing agreements/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Searches by offense type, last 30 days: the numbers/ })).toBeVisible();
  await expectAxeClean(page);
});

test("search log: filter by reason and case link, sort, and share the view", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/plate-readers#searches", { waitUntil: "networkidle" });
  const all = await totalOf(page);
  await page.getByLabel("Reason", { exact: true }).selectOption("stolen_vehicle");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/reason=stolen_vehicle/);
  const filtered = await totalOf(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  const rows = page.getByRole("table", { name: /Plate-reader searches/ }).locator("tbody tr");
  for (let i = 0; i < Math.min(await rows.count(), 10); i++)
    await expect(rows.nth(i).locator("td").nth(2)).toHaveText("Stolen vehicle");

  const sortHref = (await page
    .getByRole("table", { name: /Plate-reader searches/ })
    .getByRole("link", { name: /Networks searched/ })
    .getAttribute("href"))!;
  await page.goto(sortHref, { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/sort=networks/);
  await expect(page).toHaveURL(/reason=stolen_vehicle/);
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("stolen_vehicle");
  expect(await totalOf(page)).toBe(filtered);
  await expectAxeClean(page);
});
