// The well-being strategy page: staff record a phase and a theme; residents see the three service
// areas, the phase with its status, and the theme with its count.
import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./review-helpers";
import { expectNoSeriousA11yIssues } from "./staff-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

test("staff record a phase and what residents said; the strategy page shows them", async ({ page }) => {
  test.setTimeout(120_000);
  const theme = `Lighting on side streets ${Date.now()}`;
  await signInAs(page, "staff", "/staff/well-being");
  const phase = page.getByRole("form", { name: "Phase 1: strategy development" });
  await phase.getByLabel("Starts on").fill("2001-01-08");
  await phase.getByLabel("Ends on").fill("2001-01-05");
  await phase.getByRole("button", { name: "Save phase" }).click();
  await expect(phase.getByText("A phase cannot end before it starts")).toBeVisible();
  await phase.getByLabel("Ends on").fill("2001-06-30");
  await phase.getByLabel("Summary (public)").fill("Staff and residents wrote the strategy together.");
  await phase.getByRole("button", { name: "Save phase" }).click();
  await expect(phase.getByRole("status")).toContainText("Phase saved.");
  const form = page.getByRole("form", { name: "Save a theme" });
  await form.getByLabel("Theme", { exact: true }).fill(theme);
  await form.getByLabel("Service area").selectOption("neighborhood_livability");
  await form.getByLabel("Comments on this theme").fill("57");
  await form.getByLabel("What residents said (public)").fill("Residents asked for lights before cameras.");
  await form.getByRole("button", { name: "Save theme" }).click();
  await expect(form.getByRole("status")).toContainText("saved");

  await page.goto("/council");
  await page.getByRole("link", { name: "Community Safety and Well-Being strategy" }).click();
  for (const area of ["Law Enforcement and Emergency Response", "Neighborhood Livability", "Health and Human Services"])
    await expect(page.getByRole("heading", { level: 2, name: area })).toBeVisible();
  const phases = page.getByRole("table", { name: /phases/ });
  // A phase that ended in 2001 is complete on any day this test runs.
  await expect(phases.getByRole("row", { name: /Phase 1: strategy development/ })).toContainText("complete");
  const said = page.getByRole("table", { name: /Comments from community engagement/ });
  await expect(said.getByRole("row", { name: new RegExp(theme) })).toContainText("57");
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: test.info().outputPath("well-being.png"), fullPage: true });
});
