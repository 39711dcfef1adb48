// The per-role walk (issue 25): every form on a page is submitted once emptied (invalid input) and
// once filled in (valid input), and whatever it says must explain itself: a success, or an error
// that marks the field it is about. A generic "Please correct the fields marked below." with no
// field marked, a server error page, or a crash fails the walk.
import { expect, type Locator, type Page } from "@playwright/test";

const GENERIC = "Please correct the fields marked below.";
const CRASH =
  /Application error|Internal Server Error|Something went wrong|This page couldn.t load|Unhandled Runtime Error/i;

/** Fails when the page shows a crash or a server error. */
export async function expectNoCrash(page: Page) {
  await expect(page.locator("body")).not.toContainText(CRASH);
}

async function openDetails(form: Locator) {
  await form.evaluate((f) => {
    for (let d = f.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
  });
}

/** A value a form will most likely accept, chosen from the control's type and label. */
async function fillValid(form: Locator, stamp: string) {
  const controls = form.locator("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea, select");
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    if (!(await c.isVisible()) || (await c.isDisabled())) continue;
    const tag = await c.evaluate((e) => e.tagName.toLowerCase());
    if (tag === "select") {
      if ((await c.inputValue()) === "") {
        const values = await c.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const first = values.find((v) => v !== "");
        if (first) await c.selectOption(first);
      }
      continue;
    }
    if ((await c.inputValue()) !== "") continue;
    const type = (await c.getAttribute("type")) ?? "text";
    const name = (await c.getAttribute("name")) ?? "";
    if (type === "date") await c.fill("2027-01-15");
    else if (type === "datetime-local") await c.fill("2031-01-15T09:00");
    else if (type === "number") await c.fill("1");
    else if (type === "email") await c.fill(`walk-${stamp}@example.org`);
    else if (type === "password") await c.fill("a long enough password 1");
    else if (/amount|approved|actual|\$/i.test(name)) await c.fill("100");
    else if (/code$/i.test(name)) continue;
    else if (tag === "textarea")
      await c.fill(`Walk test ${stamp}: a plain sentence long enough for any minimum length check on this field.`);
    else await c.fill(`Walk test ${stamp}`);
  }
}

async function clearAll(form: Locator) {
  const controls = form.locator("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea");
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    if ((await c.isVisible()) && !(await c.isDisabled())) await c.fill("");
  }
}

/** After a submit: no crash, and an error names its field (or says more than the generic line). */
async function expectExplained(page: Page, form: Locator, what: string) {
  await expectNoCrash(page);
  if ((await form.count()) === 0) return; // the form navigated away (a GET filter or a redirect)
  const alerts = form.getByRole("alert");
  const n = await alerts.count();
  for (let i = 0; i < n; i++) {
    const text = (await alerts.nth(i).innerText()).trim();
    if (text.replace(GENERIC, "").trim() !== "") continue;
    const marked = form.locator(".field-error");
    expect(await marked.count(), `${what}: "${text}" with no field marked`).toBeGreaterThan(0);
  }
}

export type WalkOptions = { skipButtons?: RegExp };

/** Forms of one kind (the same label's first word and the same number of fields) are walked once. */
async function formKind(form: Locator): Promise<string> {
  const label = ((await form.getAttribute("aria-label")) ?? "").split(" ")[0];
  const fields = await form.locator("input:not([type=hidden]), textarea, select").count();
  return `${label}|${fields}`;
}

/** Submits every form on the page twice (emptied, then filled in) and checks each outcome. */
export async function walkForms(page: Page, path: string, o: WalkOptions = {}) {
  const skip = o.skipButtons ?? /sign out|disable|reset|delete|remove/i;
  await page.goto(path);
  await expectNoCrash(page);
  const forms = await page.locator("main form").count();
  const seen = new Set<string>();
  for (let i = 0; i < forms; i++) {
    const kind = await formKind(page.locator("main form").nth(i));
    if (seen.has(kind)) continue;
    seen.add(kind);
    for (const pass of ["invalid", "valid"] as const) {
      await page.goto(path);
      const form = page.locator("main form").nth(i);
      if ((await form.count()) === 0) break;
      const button = form.locator("button[type=submit], button:not([type])").first();
      if ((await button.count()) === 0) break;
      const label = (await button.innerText()).trim();
      if (skip.test(label)) break;
      await openDetails(form);
      if (!(await button.isVisible())) break;
      if (pass === "invalid") await clearAll(form);
      else await fillValid(form, `${Date.now()}`);
      const name = (await form.getAttribute("aria-label")) ?? `form ${i + 1}`;
      const aria = await form.getAttribute("aria-label");
      await button.click();
      // An action answers in place (a status or an alert) or navigates; either settles here.
      await page.waitForLoadState("networkidle");
      await expect(button)
        .toBeEnabled({ timeout: 30_000 })
        .catch(() => undefined);
      const after = aria ? page.locator(`main form[aria-label="${aria}"]`).first() : page.locator("main form").nth(i);
      await expectExplained(page, after, `${path} · ${name} · ${pass} ("${label}")`);
    }
  }
}
