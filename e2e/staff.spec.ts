// Staff publishing in a browser: a staff user signs in (password + TOTP), writes an update with a
// live preview, publishes it and sees it public (sanitized, in the list and the Atom feed); then
// publishes a new policy version and sees it current, in the history and in the diff.
import { expect as baseExpect, test } from "@playwright/test";

// Generous: a dev server compiles each route on first visit (a production server answers at once).
const expect = baseExpect.configure({ timeout: 45_000 });
import { signInAs } from "./review-helpers";
import { expectNoSeriousA11yIssues } from "./staff-helpers";

test("staff publishes an update and a new policy version, and both are public", async ({ page, request }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const title = `Drone dock maintenance window ${stamp}`;

  await signInAs(page, "staff", "/staff/updates/new");
  await expect(page.getByRole("heading", { name: "Write a program update" })).toBeVisible();

  // A rejected form says what is wrong, next to the field.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Give the update a title of at least 5 characters")).toBeVisible();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Program").selectOption("drones");
  await page.getByLabel("One-sentence summary").fill("The Civic Center dock is offline for two days.");
  const body =
    '## What changes\n\nThe **Civic Center dock** is offline on Tuesday and Wednesday.\n\n<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">';
  await page.getByLabel("Text (Markdown)").fill(body);
  const preview = page.getByTestId("markdown-preview");
  await expect(preview.locator("strong")).toHaveText("Civic Center dock");
  await expect(preview.locator("script, img")).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
  await page.getByLabel("Publish now").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Published.");

  await page.getByRole("link", { name: "See it on the public site" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("article strong")).toHaveText("Civic Center dock");
  await expect(page.locator("main script, main img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expectNoSeriousA11yIssues(page);

  await page.goto("/updates?program=drones");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  const feed = await request.get("/updates/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<title>${title}</title>`);
  expect(xml).not.toContain("__pwned");

  // A new policy version from the web.
  await page.goto("/staff/policies?slug=drones");
  const version = await page.getByLabel("Version").inputValue();
  expect(version).toMatch(/^\d+\.\d+$/);
  await page.getByLabel("Effective date").fill("2026-12-01");
  const text = page.getByLabel("Policy text (Markdown)");
  await text.fill(
    `${await text.inputValue()}\n\n## Night flights (${stamp})\n\nFlights between 10 p.m. and 6 a.m. are reported to council each month (${stamp}).\n`,
  );
  await page.getByRole("button", { name: "Publish this version" }).click();
  await expect(page.getByRole("status")).toContainText(`Version ${version} published.`);

  await page.getByRole("link", { name: "See the public policy page" }).click();
  await expect(page.getByText(`Version ${version} (current)`).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: `Night flights (${stamp})` })).toBeVisible();
  const history = page.getByRole("table", { name: "Every version of this policy, newest first" });
  await expect(history.getByRole("link", { name: `Version ${version}` })).toBeVisible();
  await expect(history.getByRole("link", { name: "Version 1.0" })).toBeVisible();
  await expect(history).toContainText("by staff on this site");
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("link", { name: /What changed from version/ }).click();
  const diff = page.getByTestId("policy-diff");
  await expect(
    diff.locator('[data-kind="added"]', { hasText: `reported to council each month (${stamp})` }),
  ).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});

test("signed-out visitors cannot reach the staff area", async ({ page }) => {
  await page.goto("/staff/updates/new");
  await expect(page).toHaveURL(/\/signin\?next=/);
});
