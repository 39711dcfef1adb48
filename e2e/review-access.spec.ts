// Who is refused: a signed-out resident and a signed-in `staff` user get no review page, and
// every review server action and route handler refuses them, even when called directly.
import { expect as baseExpect, test, type Browser, type Page, type Request } from "@playwright/test";
import { demoUser, nextTotpCode, signInAs } from "./review-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: "serial", timeout: 300_000 });

const REVIEW_PAGES = [
  "/review",
  "/review/access",
  "/review/access/1",
  "/review/access/timeline?user=1",
  "/review/flights",
  "/review/flights/1",
  "/review/alpr",
  "/review/alpr/1",
  "/review/findings",
  "/review/audit",
  "/admin",
];

type Captured = { id: string; contentType: string; body: Buffer; path: string };
const captured: Record<string, Captured> = {};

/** Submits a form and records the server action request the browser sent. */
async function capture(page: Page, name: string, submit: () => Promise<void>) {
  const req = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await submit();
  const r = await req;
  captured[name] = {
    id: r.headers()["next-action"],
    contentType: r.headers()["content-type"],
    body: r.postDataBuffer()!,
    path: new URL(r.url()).pathname,
  };
  await r.response();
}

async function callAction(page: Page, c: Captured, path = c.path) {
  return page.request.post(path, {
    headers: { "next-action": c.id, "content-type": c.contentType, accept: "text/x-component" },
    data: c.body,
    maxRedirects: 0,
  });
}

// Every test below replays these requests: capture them before any test runs, so that each test
// also passes alone (e.g. with -g).
test.beforeAll(async ({ browser }) => {
  await captureReviewActions(browser);
});

test("the review actions were captured as real reviewers send them", () => {
  expect(Object.keys(captured).sort()).toEqual(["closeFinding", "openFinding", "review"]);
});

async function captureReviewActions(browser: Browser) {
  const council = await (await browser.newContext()).newPage();
  await signInAs(council, "council", "/review/access/1");
  await expect(council.getByRole("heading", { name: "Camera access #1" })).toBeVisible();
  await capture(council, "review", async () => {
    const f = council.getByRole("form", { name: "Mark as reviewed" });
    await f.getByLabel(/Note/).fill("checked by e2e");
    await f.getByRole("button", { name: "Mark reviewed" }).click();
  });
  await capture(council, "openFinding", async () => {
    const f = council.getByRole("form", { name: "Open a finding" });
    await f.getByLabel("Finding", { exact: true }).fill("access-control e2e finding");
    await f.getByRole("button", { name: "Open finding" }).click();
  });
  // (On a re-run against the same database the finding may already be open.)
  const opened = council.getByRole("form", { name: "Open a finding" }).getByRole("status");
  await expect(opened).toContainText(/Finding #\d+/);
  const findingId = (await opened.textContent())!.match(/#(\d+)/)![1];
  // Closing needs an assigned finding: assign it on its page, as a reviewer would.
  await council.goto(`/review/findings/${findingId}`);
  const assign = council.getByRole("form", { name: "Assign the finding" });
  if ((await assign.count()) > 0) {
    await assign.getByLabel("Reviewer").selectOption({ index: 0 });
    await assign.getByRole("button", { name: /Assign|Reassign/ }).click();
    await expect(assign.getByRole("status")).toContainText(`Finding #${findingId} assigned`);
  }
  await council.context().close();

  const auditor = await (await browser.newContext()).newPage();
  await signInAs(auditor, "auditor", `/review/findings/${findingId}`);
  const close = auditor.getByRole("form", { name: `Close finding #${findingId}` });
  await capture(auditor, "closeFinding", async () => {
    // No outcome or note: refused by server-side validation, so nothing changes, but the request is real.
    await close.evaluate((f) => ((f as HTMLFormElement).noValidate = true));
    await close.getByRole("button", { name: `Close finding #${findingId}` }).click();
  });
  await auditor.context().close();
}

test("a signed-out resident is refused every review page, action and handler", async ({ page }) => {
  for (const path of REVIEW_PAGES) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/signin\?next=/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
  for (const [name, c] of Object.entries(captured)) {
    const res = await callAction(page, c);
    expect(res.status(), `${name} on its page`).toBeGreaterThanOrEqual(300);
    expect(res.status()).toBeLessThan(400);
    expect(res.headers().location ?? "", name).toContain("/signin");
  }
  const exp = await page.request.post("/review/export", {
    form: { dataset: "camera_access", code: "123456" },
    maxRedirects: 0,
  });
  expect(exp.status()).toBe(307);
  expect(await exp.text()).not.toContain("watermark");
});

test("a staff user is refused every review page, action and handler", async ({ page }) => {
  await signInAs(page, "staff", "/staff");
  for (const path of REVIEW_PAGES) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  for (const [name, c] of Object.entries(captured)) {
    const res = await callAction(page, c);
    expect(res.status(), name).toBe(200);
    const text = await res.text();
    expect(text, name).toContain("Your role does not allow this.");
    expect(text, name).not.toMatch(/Finding #\d+ (opened|closed)|Marked as reviewed/);
  }
  const exp = await page.request.post("/review/export", {
    form: { dataset: "camera_access", code: await nextTotpCode(demoUser("staff").totpSecret) },
  });
  expect(exp.status()).toBe(403);
  expect(await exp.json()).toEqual({ error: "Your role does not allow this." });
});

test("a council member may not open the audit log or close findings", async ({ browser }: { browser: Browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "council", "/review/audit");
  await expect(page).toHaveURL(/\/forbidden/);
  const res = await callAction(page, captured.closeFinding);
  expect(await res.text()).toContain("Your role does not allow this.");
  await page.context().close();
});

test("a revoked session passes the early redirect but every action still refuses it", async ({ browser }) => {
  // Two more sign-ins as council right after the previous test's: one may wait for a fresh code.
  test.setTimeout(120_000);
  // Device A signs in; device B signs out everywhere. A's cookie still looks valid to proxy.ts,
  // so this exercises the actions' own check against the server-side session.
  const a = await (await browser.newContext()).newPage();
  await signInAs(a, "council", "/review/findings");
  const b = await (await browser.newContext()).newPage();
  await signInAs(b, "council", "/review/findings");
  await b.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(b).toHaveURL(/signedout=everywhere/);
  for (const [name, c] of Object.entries(captured)) {
    const res = await callAction(a, c);
    expect(res.status(), name).toBe(200);
    expect(await res.text(), name).toContain("Sign in (with your two-step code) to continue.");
  }
  const exp = await a.request.post("/review/export", { form: { dataset: "camera_access", code: "123456" } });
  expect(exp.status()).toBe(401);
  await a.goto("/review");
  await expect(a).toHaveURL(/\/signin\?next=%2Freview&ended=revoked/);
  await expect(a.getByText("Your session was ended")).toBeVisible();
  await a.context().close();
  await b.context().close();
});

test("every refusal above is in the audit log with who, what and why; viewing the log is logged too", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "auditor", "/review/audit");
  const table = page.getByRole("table", { name: "Audit entries" });
  // The staff user's refused pages, actions and export: the role, the path and the allowed roles.
  await page.goto(`/review/audit?action=auth.refused&actor=${encodeURIComponent(demoUser("staff").name)}`);
  await expect(table).toContainText("path #/review/export");
  await expect(table).toContainText("path #/review/audit");
  const staffRow = table.getByRole("row").filter({ hasText: "path #/review/export" }).first();
  for (const part of ['"reason":"role"', '"role":"staff"', '"allowed":["council","auditor"]'])
    await expect(staffRow).toContainText(part);
  // The council member sent to /forbidden from the audit log.
  await page.goto(`/review/audit?action=auth.refused&actor=${encodeURIComponent(demoUser("council").name)}`);
  const councilRow = table.getByRole("row").filter({ hasText: "path #/review/audit" }).first();
  for (const part of ['"reason":"role"', '"role":"council"', '"allowed":["auditor"]'])
    await expect(councilRow).toContainText(part);
  // The revoked session's actions and export, named by whose session it was.
  await expect(table).toContainText('"reason":"revoked"');
  await expect(table.getByRole("row").filter({ hasText: '"reason":"revoked"' }).first()).toContainText(
    demoUser("council").name,
  );
  // The views of the log itself.
  await page.goto("/review/audit?action=review.view&target=audit_log");
  await expect(table).toContainText("audit_log");
  await expect(table).toContainText(demoUser("auditor").name);
  await page.context().close();
});

test("a wrong export code returns to the form with the reason beside the code field, and is logged", async ({
  page,
}) => {
  await signInAs(page, "council", "/review/alpr?case=without");
  await page.getByText("Export these records (CSV)").click();
  const form = page.getByRole("form", { name: "Export records" });
  await form.getByLabel("6-digit code").fill("000000");
  await form.getByRole("button", { name: "Download CSV" }).click();
  await expect(page).toHaveURL(/\/review\/alpr\?case=without&export_error=bad_code#export-alpr_search$/);
  const code = page.getByRole("form", { name: "Export records" }).getByLabel("6-digit code");
  await expect(code).toBeVisible(); // the panel is open again
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription(/Export refused: That code did not match/);
  // The filters are kept for the next try.
  await expect(page.locator('input[type="hidden"][name="f_case"]')).toHaveValue("without");
  await expect(page.locator('input[type="hidden"][name="f_export_error"]')).toHaveCount(0);
  const auditor = await (await page.context().browser()!.newContext()).newPage();
  await signInAs(
    auditor,
    "auditor",
    `/review/audit?action=export.denied&actor=${encodeURIComponent(demoUser("council").name)}`,
  );
  await expect(auditor.getByRole("table", { name: "Audit entries" })).toContainText("alpr_search");
  await auditor.context().close();
});
