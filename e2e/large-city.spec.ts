// The large demo city (config/large-city.json: 21 police divisions, a real-time crime center
// planned in each) on the same code and pages as the small one: its division pages render every
// division, the council's rollout decisions agree between /cameras and the prioritization page, a
// shared ranking address reproduces the ranking, and its annual report has every section.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./staff-helpers";

const config = JSON.parse(readFileSync("config/large-city.json", "utf8")) as { areasFile: string };
const areas = (JSON.parse(readFileSync(config.areasFile.replace(/^\//, ""), "utf8")) as { features: unknown[] })
  .features.length;

const FACTORS = [
  "calls_per_1000",
  "existing_public_cameras",
  "community_concerns_per_1000",
  "population",
  "surveillance_per_1000",
] as const;

/** The ranking's address with all the weight on one factor. */
const onlyWeight = (factor: (typeof FACTORS)[number]) =>
  `/council/prioritization?${FACTORS.map((f) => `w.${f}=${f === factor ? 100 : 0}`).join("&")}`;

/** Each ranked division with the figure (in brackets) of one factor column, in rank order. */
async function ranking(page: Page, column: string): Promise<{ area: string; figure: number }[]> {
  const rows = page.getByTestId("ranking").locator("tbody tr");
  const out: { area: string; figure: number }[] = [];
  for (const row of await rows.all()) {
    const cell = await row.locator(`td[data-label="${column}"] .muted`).innerText();
    out.push({ area: (await row.getAttribute("data-area")) ?? "", figure: Number(cell.replace(/[(),]/g, "")) });
  }
  return out;
}

test("21 divisions: the crime-center stage of each on /cameras is the council's decision on the prioritization page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(areas).toBe(21);
  await page.goto("/cameras");
  const table = page.getByRole("table", { name: /Connected cameras of each network by division/ });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(areas);
  const summary = await page.getByText(/Crime centers by division, as the council decided/).innerText();
  const [live, approved, planned] = [/(\d+) live/, /(\d+) approved/, /(\d+) planned/].map((re) =>
    Number(re.exec(summary)?.[1] ?? NaN),
  );
  expect(live + approved + planned).toBe(areas);
  const stages = new Map<string, string>();
  for (const row of await rows.all()) {
    const name = (await row.locator("th, td").first().innerText()).trim();
    stages.set(name, (await row.locator("td", { hasText: /^(Live|Approved|Planned)/ }).innerText()).trim());
  }
  expect([...stages.values()].filter((s) => s.startsWith("Live"))).toHaveLength(live);
  await expectNoSeriousA11yIssues(page);

  await page.goto("/council/prioritization");
  const decisions = page.getByRole("table", { name: /The council's decisions/ }).locator("tbody tr");
  await expect(decisions).toHaveCount(areas);
  for (const row of await decisions.all()) {
    const cells = await row.locator("th, td").allInnerTexts();
    const [division, , stage] = cells.map((c) => c.trim());
    expect(stages.get(division)?.toLowerCase(), division).toContain(stage.toLowerCase());
  }
});

test("a shared ranking address ranks the 21 divisions the same, by the factor it weights", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(onlyWeight("calls_per_1000"));
  const byCalls = await ranking(page, "Calls for service per 1,000 residents");
  expect(byCalls).toHaveLength(areas);
  // All the weight on calls: the divisions come in order of their calls per 1,000 residents.
  for (let i = 1; i < byCalls.length; i++) expect(byCalls[i].figure).toBeLessThanOrEqual(byCalls[i - 1].figure);

  // The same address in another browser (a council member it was sent to) ranks the same.
  const other = await browser.newPage();
  await other.goto(onlyWeight("calls_per_1000"));
  expect((await ranking(other, "Calls for service per 1,000 residents")).map((r) => r.area)).toEqual(
    byCalls.map((r) => r.area),
  );
  await other.close();

  // All the weight on residents: the order follows population instead, and differs.
  await page.goto(onlyWeight("population"));
  const byPeople = await ranking(page, "Residents");
  for (let i = 1; i < byPeople.length; i++) expect(byPeople[i].figure).toBeLessThanOrEqual(byPeople[i - 1].figure);
  expect(byPeople.map((r) => r.area)).not.toEqual(byCalls.map((r) => r.area));
  await expectNoSeriousA11yIssues(page);

  // 21 divisions by five factors still fit a phone: the ranking stacks, nothing scrolls sideways.
  for (const path of [onlyWeight("population"), "/cameras"]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});

test("the large city's annual report names its divisions and has every section", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/reports");
  // The newest year is listed first: whatever today is, it is the year the demo data reaches.
  await page.getByRole("main").getByRole("link", { name: "Real-time watch center" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("annual surveillance report");
  const sections = page.locator("section[data-section]");
  expect(await sections.count()).toBeGreaterThanOrEqual(9);
  for (const s of await sections.all()) {
    const heading = await s.getByRole("heading", { level: 2 }).innerText();
    expect((await s.innerText()).replace(heading, "").trim().length, heading).toBeGreaterThan(10);
  }
  // The civil-rights section counts activity per 1,000 residents in each of the 21 divisions.
  const civil = page.locator('section[data-section="civil_rights"]').getByRole("table").first();
  const rowNames = await civil.locator("tbody th[scope=row]").allInnerTexts();
  expect(rowNames.filter((n) => n.trim().endsWith(" Division"))).toHaveLength(areas);
});

test("on a phone, the long camera lists fold behind a button that says what they hold", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/cameras");
  const list = page.getByRole("table", { name: /Every city and partner-agency camera/ });
  const byArea = page.getByRole("table", { name: /Connected cameras of each network by division/ });
  await expect(list).toBeHidden();
  await expect(byArea).toBeHidden();
  // The page is a few screens shorter than the lists' cards would make it; opening shows them.
  const folded = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.getByText(/^List every camera \(\d+\)$/).click();
  await expect(list).toBeVisible();
  await page.getByText(new RegExp(`^Connected cameras by division \\(${areas}\\)$`)).click();
  await expect(byArea.locator("tbody tr")).toHaveCount(areas);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(folded + 5 * 844);
  await expectNoSeriousA11yIssues(page);
  // On a wider screen there is nothing to open: the lists show.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(list).toBeVisible();
  await expect(byArea).toBeVisible();
  await expect(page.getByText(/^List every camera/)).toBeHidden();
});
