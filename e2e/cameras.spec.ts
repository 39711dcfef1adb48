// A resident checks who looked at camera video: the inventory, the charts with their tables, and
// the access log (its own page) filtered, sorted and paged through the URL (so the view can be shared).
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

test("cameras page: inventory, charts with tables, no serious accessibility issues", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/cameras", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Cameras and the watch center" })).toBeVisible();
  await expect(page.getByText(/Data as of .+ published 7 days after/)).toBeVisible();
  await expect(page.getByRole("group", { name: /Where the city's cameras are/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: /Private cameras connected to the watch center, by area/ }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: /Every city and partner-agency camera/ })
      .locator("tbody tr")
      .first(),
  ).toBeVisible();
  // Which networks' cameras are connected to the crime center, and under which agreement.
  const networks = page.getByRole("table", { name: /Cameras in service by owning network/ });
  await expect(networks.getByRole("row", { name: /Police cameras/ })).toContainText("no agreement needed");
  await expect(networks.getByRole("row", { name: /Transportation/ })).toContainText(/agreement/i);
  await expect(page.getByRole("table", { name: /Connected cameras of each network by neighborhood/ })).toBeVisible();
  // Every chart has its numbers in a table, and the chart's image has a name.
  await expect(page.getByRole("img", { name: /Accesses per week, by operation/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: /Top users in the last 30 days, by pseudonym: the numbers/ }),
  ).toContainText(/user-[0-9a-f]{6}/);
  await expect(page.locator("svg.chart-surface").first()).toBeVisible();
  await expectAxeClean(page);
});

test("access log: filter, sort and page through the URL", async ({ page }) => {
  test.setTimeout(600_000);
  // /cameras shows the newest accesses; its filter form leads to the log's own page.
  await page.goto("/cameras#access-log", { waitUntil: "networkidle" });
  const all = await totalOf(page);
  expect(all).toBeGreaterThan(100);

  await page.getByLabel("Operation", { exact: true }).selectOption("export");
  await page.getByLabel("Linked to a case", { exact: true }).selectOption("yes");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/cameras\/access-log\?.*operation=export/);
  await expect(page.getByRole("heading", { level: 1, name: "Camera access log" })).toBeVisible();
  await expect(page).toHaveURL(/linked=yes/);
  const filtered = await totalOf(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  const log = page.getByRole("table", { name: /Camera accesses/ });
  const rows = log.locator("tbody tr");
  for (let i = 0; i < Math.min(await rows.count(), 10); i++) {
    await expect(rows.nth(i).locator("td").nth(3)).toHaveText(/^Export/);
    await expect(rows.nth(i).locator("td").nth(5)).toHaveText("Yes");
  }

  // Sorting keeps the filters and says so to assistive technology.
  // Sort and page links are plain links (they work without JavaScript): follow their addresses.
  const sortHref = (await log.getByRole("link", { name: /Camera or site/ }).getAttribute("href"))!;
  expect(sortHref).toMatch(/operation=export/);
  await page.goto(sortHref, { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/sort=place/);
  await expect(page).toHaveURL(/operation=export/);
  await expect(log.getByRole("columnheader", { name: /Camera or site/ })).toHaveAttribute(
    "aria-sort",
    /descending|ascending/,
  );

  // The shared link reproduces the view, including page 2.
  if (filtered > 25) {
    await page.goto((await page.getByRole("link", { name: /Next/ }).getAttribute("href"))!, {
      waitUntil: "networkidle",
    });
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Page 2 of/)).toBeVisible();
  }
  const url = page.url();
  await page.goto(url, { waitUntil: "networkidle" });
  await expect(page.getByLabel("Operation", { exact: true })).toHaveValue("export");
  expect(await totalOf(page)).toBe(filtered);

  // A user's pseudonym links to their accesses.
  const user = (await rows.first().locator("td").nth(1).getByRole("link").textContent())!;
  await page.goto((await rows.first().locator("td").nth(1).getByRole("link").getAttribute("href"))!, {
    waitUntil: "networkidle",
  });
  await expect(page).toHaveURL(new RegExp(`user=${user}`));
  await expect(page.getByLabel("User (pseudonym)", { exact: true })).toHaveValue(user);
  await expectAxeClean(page);
});

test("a link shared before the log had its own page still opens that view", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/cameras?operation=share&sort=place", { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/\/cameras\/access-log\?operation=share&sort=place$/);
  await expect(page.getByLabel("Operation", { exact: true })).toHaveValue("share");
});

test("a bad filter value is explained, not an error page", async ({ page }) => {
  test.setTimeout(120_000);
  const res = await page.goto("/cameras/access-log?from=2026-02-31x&operation=teleport", { waitUntil: "networkidle" });
  expect(res?.status()).toBe(200);
  await expect(page.getByText("Use a date like 2026-03-31.")).toBeVisible();
  await expect(page.getByText("Choose an operation from the list.")).toBeVisible();
});
