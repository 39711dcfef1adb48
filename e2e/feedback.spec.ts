// A resident files a complaint from a flight's page; it reaches staff triage with the contact
// details, and the public page shows counts and the one-line outcome but never the contact.
import { expect as baseExpect, test } from "@playwright/test";

// Generous: a dev server compiles each route on first visit (a production server answers at once).
const expect = baseExpect.configure({ timeout: 45_000 });
import { signInAs } from "./review-helpers";
import { expectNoSeriousA11yIssues } from "./staff-helpers";

test("a resident files a complaint on a flight's page; staff resolve it; the outcome is public", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  await page.goto("/drones/flights");
  await page.locator('a[href^="/drones/flights/f-"]').first().click();
  await expect(page).toHaveURL(/\/drones\/flights\/f-[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Drone flight f-/ })).toBeVisible();
  const flightId = page.url().split("/").pop()!;
  await page.getByRole("link", { name: /Report a concern about this flight/ }).click();
  await expect(page).toHaveURL(new RegExp(`/feedback/new\\?target=flight(:|%3A)${flightId}`));
  await expect(page.getByRole("heading", { level: 1, name: "Report a concern about this flight" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  await page.getByLabel("Your message").fill("short");
  await page.getByLabel("Your email").fill("not-an-email");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Please write at least 10 characters")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, or leave it empty")).toBeVisible();

  const message = `The drone circled over our street for a long time ${stamp}.`;
  await page.getByLabel("Your message").fill(message);
  await page.getByLabel("Your name").fill("Pat Resident");
  await page.getByLabel("Your email").fill(`pat.${stamp}@example.test`);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status")).toContainText(/Your complaint has been received \(reference #\d+\)/);
  const ref = (await page.getByRole("status").textContent())!.match(/#(\d+)/)![1];

  // Staff triage: sees the message and contact, resolves it with a public one-line outcome.
  const staff = await browser.newPage();
  await signInAs(staff, "staff", "/staff/feedback");
  const item = staff.getByRole("article").filter({ hasText: message });
  await expect(item).toContainText(`pat.${stamp}@example.test`);
  await expect(item).toContainText(`flight ${flightId}`);
  const outcome = `Flight reviewed: it answered a call for service and followed policy (${stamp}).`;
  await item.getByLabel("Status").selectOption("resolved");
  await item.getByRole("button", { name: `Save #${ref}` }).click();
  await expect(item.getByText("A resolved item needs a one-line public outcome")).toBeVisible();
  await item.getByLabel("Public outcome (one line)").fill(outcome);
  await item.getByRole("button", { name: `Save #${ref}` }).click();
  await expect(item.getByRole("status")).toContainText("Marked resolved.");
  await staff.close();

  await page.goto("/feedback");
  await expect(page.getByText(outcome)).toBeVisible();
  await expect(page.getByRole("table", { name: /Complaints by program and status/ })).toContainText("Drones");
  const html = await page.content();
  expect(html).not.toContain(`pat.${stamp}`);
  expect(html).not.toContain("Pat Resident");
  expect(html).not.toContain(message);
  await expectNoSeriousA11yIssues(page);
});

test("a complaint about a camera access: its page shows each status with a date and the outcome; the access lists it", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  await page.goto("/cameras/access-log");
  const report = page.getByRole("link", { name: /Report a concern about access acc-/ }).first();
  const accessId = (await report.textContent())!.match(/acc-[a-z0-9]+/)![0];
  await report.click();
  await expect(page).toHaveURL(new RegExp(`/feedback/new\\?target=access(:|%3A)${accessId}`));
  const message = `Why was this camera viewed with no case number ${stamp}?`;
  await page.getByLabel("Your message").fill(message);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status")).toContainText(/reference #\d+/);
  const ref = (await page.getByRole("status").textContent())!.match(/#(\d+)/)![1];

  // Staff move it through two statuses: each is recorded with its date.
  const staff = await browser.newPage();
  await signInAs(staff, "staff", "/staff/feedback");
  const item = staff.getByRole("article").filter({ hasText: message });
  await item.getByLabel("Status").selectOption("in_progress");
  await item.getByRole("button", { name: `Save #${ref}` }).click();
  await expect(item.getByRole("status")).toContainText("Marked in progress.");
  const outcome = `The access was part of a logged investigation; no policy breach (${stamp}).`;
  await item.getByLabel("Status").selectOption("resolved");
  await item.getByLabel("Public outcome (one line)").fill(outcome);
  await item.getByRole("button", { name: `Save #${ref}` }).click();
  await expect(item.getByRole("status")).toContainText("Marked resolved.");
  await staff.close();

  await page.goto(`/feedback/${ref}`);
  const history = page.getByRole("list", { name: "Status history" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText(/Received: \w+ \d{1,2}, \d{4}/);
  await expect(history.nth(1)).toContainText(/Being looked into: \w+ \d{1,2}, \d{4}/);
  await expect(history.nth(2)).toContainText(/Resolved: \w+ \d{1,2}, \d{4}.*\(current\)/);
  await expect(page.getByText(outcome)).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(accessId) })).toHaveAttribute(
    "href",
    `/cameras/access-log/${accessId}`,
  );
  expect(await page.content()).not.toContain(message);
  await expectNoSeriousA11yIssues(page);

  // The access's own page lists the complaint with its status, not the resident's words.
  await page.goto(`/cameras/access-log/${accessId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Camera access ${accessId}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Complaint #${ref}` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Complaint #${ref}` })).toContainText("Resolved");
  expect(await page.content()).not.toContain(message);
  await expectNoSeriousA11yIssues(page);
});

test("the honeypot stores nothing", async ({ page }) => {
  await page.goto("/feedback/new?target=program:cso");
  await page.getByLabel("Program").selectOption("cso");
  await page.getByLabel("Your message").fill(`Buy cheap watches ${Date.now()} now now now`);
  await page.locator("#website").evaluate((el) => {
    (el as HTMLInputElement).value = "http://spam.example";
  });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you");
  await expect(page.getByRole("status")).not.toContainText("reference #");
});

test("a resident names their neighborhood and a theme; a made-up neighborhood is refused in place", async ({
  page,
}) => {
  await page.goto("/feedback/new");
  const area = page.getByLabel("Neighborhood (optional)");
  // Every area of the city is offered, besides "not about one".
  expect(await area.locator("option").count()).toBeGreaterThan(2);
  await page.getByLabel("Program").selectOption("watch_center");
  await page.getByLabel("Your message").fill(`Please fix the street lights before adding cameras ${Date.now()}.`);
  // A value not on the list (as a script would send it) is a field error, not a stored message.
  await area.evaluate((el) => {
    const o = document.createElement("option");
    o.value = "atlantis";
    o.textContent = "Atlantis";
    el.appendChild(o);
    (el as HTMLSelectElement).value = "atlantis";
  });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Choose an area from the list, or leave it empty")).toBeVisible();
  await page.getByLabel("Neighborhood (optional)").selectOption({ index: 1 });
  await page.getByLabel("Theme (optional)").selectOption({ label: "Street lighting and safe routes" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status")).toContainText(/Your feedback has been received \(reference #\d+\)/);
  await expectNoSeriousA11yIssues(page);
});
