// Issue 25: the defects found walking every page, each checked in the browser.
import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./review-helpers";
import { expectNoCrash } from "./walk-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test("staff: add a milestone and an initiative, schedule an update, sign out", async ({ page }) => {
  const stamp = Date.now();
  await signInAs(page, "staff", "/staff/costs");
  await expect(page).toHaveURL(/\/staff\/costs/);

  // Item 1: adding a milestone saves; a bad one marks its field.
  const add = page.getByRole("form", { name: "New milestone for Ballistic protection for facilities" });
  await page.getByText("Add a milestone to Ballistic protection for facilities").click();
  await add.getByLabel("Milestone").fill("x");
  await add.getByRole("button", { name: "Add milestone" }).click();
  await expect(add.getByText("Name the milestone")).toBeVisible();
  await add.getByLabel("Milestone").fill(`Glazing installed ${stamp}`);
  await add.getByLabel("Due").fill("2027-02-01");
  await add.getByRole("button", { name: "Add milestone" }).click();
  await expect(add.getByRole("status")).toContainText(`Saved "Glazing installed ${stamp}"`);

  // Item 1: a form to create an initiative.
  const init = page.getByRole("form", { name: "New initiative" });
  await page.getByText("Add an initiative").click();
  await init.getByRole("button", { name: "Add initiative" }).click();
  await expect(init.getByText("Name the initiative")).toBeVisible();
  await init.getByLabel("Initiative").fill(`Youth outreach ${stamp}`);
  await init.getByLabel("Service area").selectOption("health_human_services");
  await init.getByRole("button", { name: "Add initiative" }).click();
  await expect(init.getByRole("status")).toContainText(`Added the initiative "Youth outreach ${stamp}"`);
  await page.goto("/costs");
  await expect(page.getByRole("heading", { name: `Youth outreach ${stamp}` })).toBeVisible();

  // Item 7: a scheduled update says when it appears, with no link to a page that is a 404 until then.
  await page.goto("/staff/updates/new");
  await page.getByLabel("Title").fill(`Scheduled note ${stamp}`);
  await page.getByLabel("One-sentence summary").fill("A note for later.");
  await page.getByLabel("Text (Markdown)").fill("This note is published later, at the chosen time.");
  await page.getByLabel("Schedule").check();
  await page.getByLabel("Publish at (city time)").fill("2031-01-15T09:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("It will appear on the public site on Jan 15, 2031");
  await expect(page.getByRole("link", { name: "See it on the public site" })).toHaveCount(0);

  // Item 2: the staff area has a Sign out button.
  await page.getByRole("navigation", { name: "Staff" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedout=1/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/signin/);
});

test("public: no impossible page, feedback in the navigation, made-up targets refused", async ({ page, request }) => {
  // Item 9.
  await page.goto("/drones/flights?page=999");
  await expect(page.getByRole("status").first()).toContainText("There is no page 999");
  await expect(page.locator("main")).not.toContainText(/Showing [\d,]+–/);
  await page.getByRole("link", { name: /Go to the last page/ }).click();
  await expect(page.getByRole("status").first()).toContainText(/^Showing [\d,]+–[\d,]+ of [\d,]+ flights/);
  const api = await request.get("/api/v1/drone-flights?limit=5");
  expect(api.status()).toBe(200);

  // Item 13.
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Feedback", exact: true }).first().click();
  await expect(page).toHaveURL(/\/feedback$/);
  await page.goto("/feedback/new?target=access:x");
  await expect(page.getByRole("alert").filter({ hasText: 'There is no published camera access "x"' })).toBeVisible();
  await expectNoCrash(page);
});

test("public: map labels do not overlap, and are not drawn tiny on a phone", async ({ page }) => {
  await page.goto("/drones");
  const labels = page.locator("main svg text[class*=areaLabel]");
  const boxes = await labels.evaluateAll((ts) =>
    ts.map((t) => {
      const r = t.getBoundingClientRect();
      return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom, w: r.width };
    }),
  );
  const shown = boxes.filter((b) => b.w > 0);
  expect(shown.length).toBeGreaterThan(0);
  for (const [i, a] of shown.entries())
    for (const b of shown.slice(i + 1))
      expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, "two area labels overlap").toBe(false);
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(labels.first()).toBeHidden();
});
