// A council member opens the scorecard for a period (in the URL), prints it to PDF (Letter and
// A4: one page per program, nothing cut off), and moves a prioritization weight.
import { expect as baseExpect, test } from "@playwright/test";

// Generous: a dev server compiles each route on first visit (a production server answers at once).
const expect = baseExpect.configure({ timeout: 45_000 });
import { signInAs } from "./review-helpers";
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

test("prioritization ranks by the weights in the address, and a shared address ranks the same", async ({ page }) => {
  await page.goto("/council/prioritization");
  const table = page.getByRole("table", { name: /Areas ranked by score/ });
  const order = () => table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-area")));
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Factors, their sources and methods" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  // Put all the weight on one factor, then all on another: the top area follows the weights.
  const weights = page.getByRole("spinbutton");
  const count = await weights.count();
  expect(count).toBeGreaterThanOrEqual(2);
  const tops = new Set<string | null>();
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < count; j++) await weights.nth(j).fill(j === k ? "100" : "0");
    await page.getByRole("button", { name: "Rank with these weights" }).click();
    await expect(page).toHaveURL(/w\./);
    await expect(page.getByText("These weights came from the address.")).toBeVisible();
    tops.add((await order())[0]);
  }
  expect(tops.size).toBeGreaterThan(1);
  // The share link reproduces the ranking wherever it is opened.
  const ranking = await order();
  const href = await page.getByRole("link", { name: /^\/council\/prioritization\?/ }).getAttribute("href");
  await page.goto("/council");
  await page.goto(href!);
  expect(await order()).toEqual(ranking);
  // A malformed weight is refused in words, never a crash.
  await page.goto("/council/prioritization?w.population=lots");
  await expect(page.locator("main [role=alert]")).toContainText("must be a whole number from 0 to 100");
});

test("staff record the council's rollout decision with its vote, and the prioritization page shows it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const reason = `Most calls per 1,000 residents and cameras already on the network (${Date.now()})`;
  await signInAs(page, "staff", "/staff/rollout");
  const form = page.getByRole("form", { name: "Record a rollout decision" });
  await form.getByLabel("Technology").selectOption("watch_center");
  await form.getByLabel(/^Areas/).fill("old-town, eastview");
  await form.getByLabel("Stage").selectOption("live");
  await form.getByLabel("Council meeting date").fill("2026-02-10");
  await form.getByLabel("Why these (public)").fill(reason);
  await form.getByLabel("Motion").fill("Open the watch center to the first two areas");
  await form.getByLabel("Result").selectOption("passed");
  await form.getByLabel("Ayes").fill("4");
  await form.getByLabel("Noes").fill("1");
  await form.getByRole("button", { name: "Record decision" }).click();
  // Live needs its date: refused in words, next to the field.
  await expect(form.getByText("Give the date it went live")).toBeVisible();
  await form.getByLabel("Live on").fill("2026-04-01");
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByRole("status")).toContainText("Decision recorded for 2 areas.");

  await page.goto("/council/prioritization");
  const chosen = page.getByRole("table", { name: /decisions, latest first/ });
  await expect(chosen.locator('tr[data-decision="old-town"]')).toContainText(reason);
  await expect(chosen.locator('tr[data-decision="eastview"]')).toContainText("passed, 4–1");
  await page.screenshot({ path: test.info().outputPath("prioritization.png"), fullPage: true });
});
