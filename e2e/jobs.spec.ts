// The portal keeps itself current while it runs (server/jobs): a staff change publishes within a
// minute with no restart, admins see the job, and the CLI hands a publication to the running portal
// instead of refusing the embedded database it holds.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { currentDataDir } from "./lanes";
import { signInAs } from "./review-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

/** "number 7, started by setup" on the methodology page. */
async function latestRun(page: Page): Promise<{ id: number; trigger: string }> {
  await page.goto("/data/methodology");
  const text = await page.getByText(/number \d+, started by \S+/).textContent();
  const m = /number (\d+), started by (\S+)/.exec(text ?? "");
  if (!m) throw new Error(`no publication run on the methodology page: ${text}`);
  return { id: Number(m[1]), trigger: m[2] };
}

test("a staff update publishes within a minute, and admins see the job", async ({ page }) => {
  const before = await latestRun(page);
  await signInAs(page, "staff", "/staff/updates/new");
  await page.getByLabel("Title").fill(`Background publication check ${Date.now()}`);
  await page.getByLabel("Program").selectOption("drones");
  await page.getByLabel("One-sentence summary").fill("Checks that the portal publishes by itself.");
  await page.getByLabel("Text (Markdown)").fill("The portal publishes after a staff change.");
  await page.getByLabel("Publish now").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Published.");

  // Within a minute, without a restart, the public methodology page names a newer publication
  // run started by the staff update.
  await expect(async () => {
    const now = await latestRun(page);
    expect(now.id).toBeGreaterThan(before.id);
    // The staff change's publication, or the hourly one it was merged into when the test runs
    // across an hour (one publication waits at a time).
    expect(["staff-update", "schedule"]).toContain(now.trigger);
  }).toPass({ timeout: 60_000, intervals: [2_000] });

  // (latestRun left the page on the public methodology page: sign out from the staff area.)
  await page.goto("/staff");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signInAs(page, "admin", "/admin");
  const jobs = page.getByRole("table", { name: "Recent job attempts, newest first" });
  await expect(
    jobs
      .getByRole("row")
      .filter({ hasText: /staff-update|schedule/ })
      .first(),
  ).toContainText("succeeded");
});

test("the CLI hands a publication to the running portal", async ({ page }) => {
  const before = await latestRun(page);
  const dataDir = currentDataDir();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["bin/daylight.mjs", "publish", "--trigger", "cli-handoff"],
    {
      env: { ...process.env, DAYLIGHT_DATA_DIR: dataDir, DATABASE_URL: "" },
      timeout: 240_000,
    },
  );
  expect(stdout).toContain("handing the publication to it");
  expect(stdout).toMatch(/Publication: published run \d+/);
  const after = await latestRun(page);
  expect(after.id).toBeGreaterThan(before.id);
  expect(after.trigger).toBe("cli-handoff");
});
