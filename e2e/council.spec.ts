// A council member opens the scorecard for a period (in the URL), prints it to PDF (Letter and
// A4: one page per program, nothing cut off), and moves a prioritization weight.
import { expect as baseExpect, test } from "@playwright/test";

// Generous: a dev server compiles each route on first visit (a production server answers at once).
const expect = baseExpect.configure({ timeout: 45_000 });
import { expectNoSeriousA11yIssues } from "./staff-helpers";

const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test("scorecard for a period, printed one page per program", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/council");
  await expect(page.getByRole("heading", { level: 1, name: /scorecard/i })).toBeVisible();
  const pilotStart = await page.getByLabel("From", { exact: true }).inputValue();
  // A three-month period starting at the pilot launch.
  const start = new Date(`${pilotStart}T12:00:00Z`);
  const end = new Date(start.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("To", { exact: true }).fill(end);
  await page.getByRole("button", { name: "Show period" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${pilotStart}&to=${end}`));
  const programs = page.locator(".print-program");
  const n = await programs.count();
  expect(n).toBeGreaterThanOrEqual(4);
  const summary = page.getByTestId("summary-drones");
  await expect(summary).toContainText(
    /Drones reached the scene in a median of \d+ min( \d+ s)?, against a target of 2 min and \d+ min( \d+ s)? by patrol before the pilot\./,
  );
  await expect(page.getByRole("table", { name: /Drones as first responders: metrics against targets/ })).toContainText(
    /Met|Not met/,
  );
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("link", { name: /Printable version/ }).click();
  await expect(page).toHaveURL(new RegExp(`/council/print\\?from=${pilotStart}&to=${end}`));
  await expect(page.locator(".print-program")).toHaveCount(n);
  await expectNoSeriousA11yIssues(page);
  await page.emulateMedia({ media: "print" });
  // Nothing in a program's page is cut off by the fixed page box.
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll(".print-program")].map((s) => {
      const box = s.parentElement as HTMLElement;
      return box.scrollHeight - box.clientHeight;
    }),
  );
  expect(overflow.every((o) => o <= 1)).toBe(true);
  for (const format of ["Letter", "A4"] as const) {
    const pdf = await page.pdf({ format });
    expect(pdfPages(pdf), `${format} pages`).toBe(n);
  }
});

test("prioritization re-ranks live as a weight moves", async ({ page }) => {
  await page.goto("/council/prioritization");
  const table = page.getByRole("table", { name: /Areas ranked by score/ });
  const firstArea = () => table.locator("tbody tr").first().getAttribute("data-area");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  // Put all the weight on one factor, then all on another: the top area follows the weights.
  const sliders = page.getByRole("slider");
  const count = await sliders.count();
  expect(count).toBeGreaterThanOrEqual(2);
  const tops = new Set<string | null>();
  for (let k = 0; k < count; k++) {
    // Retried: the sliders only respond once the page has hydrated.
    await expect(async () => {
      for (let j = 0; j < count; j++) await sliders.nth(j).fill(j === k ? "1" : "0");
      await expect(page.locator("output").nth(k)).toHaveText("100% of the score", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    tops.add(await firstArea());
  }
  expect(tops.size).toBeGreaterThan(1);
});
