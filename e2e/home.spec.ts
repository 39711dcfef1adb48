// Home: the pilot at a glance, with numbers equal to the ones computed straight from the raw
// tables by `daylight stats` (written by the e2e server), links to each program, and no
// serious accessibility problems.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { currentDataDir } from "./lanes";

const expectedFile = () => process.env.E2E_EXPECTED_HOME ?? path.join(currentDataDir(), "expected-home.json");
const fmt = new Intl.NumberFormat("en-US");

test("home shows the last 30 days and since launch, data as of, and links to each program", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("at a glance");
  await expect(page.locator("#as-of")).toContainText("Data as of");
  await expect(page.locator("#as-of")).toContainText("24 hours");
  for (const id of ["#h-last30", "#h-since"]) await expect(page.locator(id)).toBeVisible();
  const last30 = page.locator("section", { has: page.locator("#h-last30") });
  const since = page.locator("section", { has: page.locator("#h-since") });
  for (const label of [
    "Drone flights",
    "Median time to scene",
    "Calls cleared without a patrol unit",
    "Camera accesses",
    "Plate-reader searches",
    "CSO calls handled without sworn response",
  ]) {
    await expect(since.getByRole("heading", { name: label })).toBeVisible();
  }
  const value = (section: typeof since, label: string) =>
    section.locator("li", { has: page.getByRole("heading", { name: label, exact: true }) }).locator(".metric");

  if (existsSync(expectedFile())) {
    const e = JSON.parse(readFileSync(expectedFile(), "utf8")) as {
      flightsSinceLaunch: number;
      flightsLast30: number;
      medianTimeToSceneMinSinceLaunch: number | null;
      shareClearedNoPatrolSinceLaunch: number | null;
    };
    await expect(value(since, "Drone flights")).toHaveText(fmt.format(e.flightsSinceLaunch));
    await expect(value(last30, "Drone flights")).toHaveText(
      e.flightsLast30 >= 11 || e.flightsLast30 === 0 ? fmt.format(e.flightsLast30) : "fewer than 11",
    );
    if (e.medianTimeToSceneMinSinceLaunch !== null)
      await expect(value(since, "Median time to scene")).toHaveText(
        `${e.medianTimeToSceneMinSinceLaunch.toFixed(1)} min`,
      );
    if (e.shareClearedNoPatrolSinceLaunch !== null)
      await expect(value(since, "Calls cleared without a patrol unit")).toHaveText(
        `${Math.round(e.shareClearedNoPatrolSinceLaunch * 100)}%`,
      );
  } else {
    // Against a developer's own server there is no expected file: the figures must still be numbers.
    await expect(value(since, "Drone flights")).toHaveText(/^[\d,]+$/);
  }
  await expect(value(since, "Camera accesses")).toHaveText(/^[\d,]+$|fewer than 11/);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
    [],
  );

  await since.getByRole("link", { name: "See the flight log" }).click();
  await expect(page).toHaveURL(/\/drones\/flights$/);
  await expect(page.getByRole("heading", { level: 1, name: "Drone flight log" })).toBeVisible();
});
