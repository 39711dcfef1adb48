// The review workflow in a browser: a council reviewer signs in with password + TOTP, sees a
// flagged access with its plain-words reason, opens a finding; an auditor closes it.
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signInAs } from "./review-helpers";

// Review pages query raw tables; on a busy 2-core machine a dev server can take several seconds.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

async function noSeriousA11yIssues(page: Page) {
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

test("flag → finding → closed by an auditor", async ({ page }) => {
  // The whole loop, up to the public site's scheduled publication (within a minute of closing).
  test.setTimeout(240_000);
  const note = `E2E finding ${Date.now()}`;
  const summary = `A camera was viewed without a case number; the operator was retrained (${note}).`;

  // An access old enough to be published (accesses are published 7 days after they end), so the
  // resident can see it marked Reviewed on its public record.
  const published = new Date(Date.now() - 12 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await signInAs(
    page,
    "council",
    `/review?view=records&rule=no_case_number&type=camera_access&status=none&to=${published}`,
  );
  await expect(page.getByRole("heading", { name: "Flagged queue" })).toBeVisible();
  await noSeriousA11yIssues(page);
  const first = page
    .getByRole("table", { name: "Flagged records" })
    .getByRole("link", { name: /Camera access #\d+/ })
    .first();
  await first.click();
  await expect(page.getByRole("heading", { name: /Camera access #\d+/ })).toBeVisible();
  const recordUrl = page.url();
  // The reason is explained in plain words on the item.
  await expect(page.getByRole("list", { name: "Why this record is flagged" })).toContainText(
    "without entering a case number",
  );
  await noSeriousA11yIssues(page);

  const open = page.getByRole("form", { name: "Open a finding" });
  await open.getByLabel("Finding type").selectOption("no_case_number");
  await open.getByLabel("Finding", { exact: true }).fill(note);
  await open.getByRole("button", { name: "Open finding" }).click();
  await expect(open.getByRole("status")).toContainText(/Finding #\d+ opened/);
  const findingId = (await open.getByRole("status").textContent())!.match(/#(\d+)/)![1];

  // The finding's page offers only the next steps: assign, ask the agency, record its answer.
  await page.goto(`/review/findings/${findingId}`);
  const assign = page.getByRole("form", { name: "Assign the finding" });
  await assign.getByLabel("Reviewer").selectOption({ label: "Alex Auditor (demo) (auditor)" });
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(assign.getByRole("status")).toContainText(`Finding #${findingId} assigned`);
  const ask = page.getByRole("form", { name: "Request an explanation from the agency" });
  await ask.getByLabel("What should the agency explain?").fill("Why was no case number entered?");
  await ask.getByRole("button", { name: "Request explanation" }).click();
  // Each step replaces its form with the next one.
  const answer = page.getByRole("form", { name: "Record the agency's explanation" });
  await expect(async () => {
    await page.reload();
    await expect(answer).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await answer.getByLabel("The agency's explanation").fill("The operator skipped the field; retraining scheduled.");
  await answer.getByRole("button", { name: "Record explanation" }).click();
  await expect(async () => {
    await page.reload();
    await expect(answer).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // A council member cannot close it.
  await expect(page.getByRole("form", { name: `Close finding #${findingId}` })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?signedout=1/);

  await signInAs(page, "auditor", `/review/findings/${findingId}`);
  const close = page.getByRole("form", { name: `Close finding #${findingId}` });
  await close.getByLabel("Outcome", { exact: true }).selectOption("policy_violation_training");
  await close.getByLabel("Outcome note (review area only)").fill("Operator retrained on case-number entry.");
  await close.getByLabel("Public summary for residents (no names)").fill(summary);
  await close.getByRole("button", { name: `Close finding #${findingId}` }).click();
  await expect(close.getByRole("status")).toContainText(`Finding #${findingId} closed.`);

  await page.goto(recordUrl);
  await expect(page.getByText(`Finding #${findingId}`).first()).toBeVisible();

  // The outcome reaches the public site on its own: closing queues a publication.
  const resident = await (await page.context().browser()!.newContext()).newPage();
  await expect(async () => {
    await resident.goto("/findings");
    await expect(resident.getByText(summary)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
  // The access's public record says it was reviewed, with the outcome and the finding's number.
  const covered = resident.getByRole("list", { name: `Records covered by finding #${findingId}` });
  await resident.locator(`#finding-${findingId} summary`).click();
  await covered.getByRole("link", { name: /Camera access acc-/ }).click();
  await expect(resident).toHaveURL(/\/cameras\/access-log\/acc-[a-z0-9]+$/);
  await expect(resident.getByText(`Reviewed: Policy violation: training — see finding #${findingId}.`)).toBeVisible();
  await expect(resident.getByRole("link", { name: `finding #${findingId}` })).toHaveAttribute(
    "href",
    `/findings#finding-${findingId}`,
  );
  await resident.context().close();

  // Auditors read the audit log: the finding's opening and closing are in it.
  await page.goto(`/review/audit?action=finding.`);
  await expect(page.getByRole("table", { name: "Audit entries" })).toContainText(`finding #${findingId}`);
  await expect(page.getByRole("table", { name: "Audit entries" })).toContainText("finding.close");
  await noSeriousA11yIssues(page);
});

test("a flight's raw path is on a map with its destination", async ({ page }) => {
  await signInAs(page, "council", "/review/flights?flagged=1");
  await page.getByRole("table", { name: "Drone flights" }).getByRole("rowheader").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Drone flight #\d+/ })).toBeVisible();
  await expect(page.getByRole("figure").filter({ hasText: "Recorded path of flight" })).toBeVisible();
  await expect(page.getByText(/Destination \(call location\)/).first()).toBeAttached();
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/review-flight.png`, fullPage: true });
  await noSeriousA11yIssues(page);
});

test("an export needs a current TOTP code, is watermarked and logged", async ({ page }) => {
  await signInAs(page, "auditor", "/review/alpr?case=without");
  await page.getByText("Export these records (CSV)").click();
  const form = page.getByRole("form", { name: "Export records" });
  const bad = await page.request.post("/review/export", {
    form: { dataset: "alpr_search", code: "000000", f_case: "without" },
  });
  expect(bad.status()).toBe(403);
  const { demoUser, nextTotpCode } = await import("./review-helpers");
  // The sign-in used this step's code, and a code works once: the export waits for the next one.
  await form.getByLabel("6-digit code").fill(await nextTotpCode(demoUser("auditor").totpSecret));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  expect(text.split("\n")[0]).toMatch(/,watermark$/);
  expect(text.split("\n")[1]).toMatch(/Exported by Alex Auditor \(demo\) <auditor@demo\.daylight\.local> at \d{4}-/);
  await page.goto("/review/audit?action=export.");
  await expect(page.getByRole("table", { name: "Audit entries" })).toContainText("export.raw");
  await expect(page.getByRole("table", { name: "Audit entries" })).toContainText("export.denied");
});
