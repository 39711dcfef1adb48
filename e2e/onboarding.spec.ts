// Onboarding a city's own exports: staff map call types no mapping covered (the e2e server imports
// a small export with "Auto Boost" flights, see scripts/e2e-server.mjs) and see cameras needing a place.
import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./review-helpers";
import { expectNoSeriousA11yIssues } from "./staff-helpers";

const expect = baseExpect.configure({ timeout: 45_000 });

test("staff map an unclassified call type in a few clicks and every affected flight is reclassified", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // Publicly, flights whose call type has no mapping yet read "Not yet classified".
  const pub = await request.get("/api/v1/drone-flights?category=unclassified");
  expect(pub.status()).toBe(200);
  expect(JSON.stringify(await pub.json())).toContain('"category_label":"Not yet classified"');

  await signInAs(page, "staff", "/staff/call-types");
  await expect(page.getByRole("heading", { level: 1, name: "Call types not yet classified" })).toBeVisible();
  const card = page.getByRole("region", { name: "Auto Boost" });
  await expect(card).toContainText("2 records: 2 drone flights");
  await expectNoSeriousA11yIssues(page);
  await card.getByLabel("Category", { exact: true }).selectOption({ label: "Training or test flight" });
  await card.getByRole("button", { name: "Save category" }).click();
  await expect(page.getByRole("status")).toContainText('"Auto Boost" now maps to Training or test flight');
  await expect(page.getByRole("status")).toContainText("2 records reclassified");
  await page.getByRole("link", { name: "See the call types still to classify" }).click();
  await expect(page.getByRole("region", { name: "Wellbeing check - residence" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Auto Boost" })).toHaveCount(0);

  await page.goto("/staff/cameras");
  await expect(page.getByRole("heading", { level: 1, name: "Cameras that need a location" })).toBeVisible();
});
