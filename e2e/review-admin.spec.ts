// An administrator creates a council account; its holder signs in with TOTP; the admin resets
// their two-step sign-in, which ends their session; they enroll again with the QR secret.
import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./review-helpers";
import { currentTotp } from "../lib/auth/totp";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

test("create an account, sign in, reset two-step, enroll again", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await expect(admin).toHaveURL(/\/admin$/);
  const email = `reviewer-${Date.now()}@example.org`;
  const password = "a long enough password";
  const create = admin.getByRole("form", { name: "Create an account" });
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Name").fill("New Reviewer");
  await create.getByLabel("Role").selectOption("council");
  await create.getByLabel(/Initial password/).fill(password);
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toContainText(`Created ${email}`);
  const secret = (await create.locator("code").nth(1).textContent())!.trim();
  if (process.env.E2E_SCREENSHOTS)
    await admin.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/review-admin.png`, fullPage: true });

  const person = await (await browser.newContext()).newPage();
  await person.goto("/signin?next=/review/findings");
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill(password);
  await person.getByLabel(/6-digit code/).fill(currentTotp(secret));
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person).toHaveURL(/\/review\/findings/);

  const row = admin.getByRole("form", { name: `Manage ${email}` });
  await row.getByRole("button", { name: "Reset two-step" }).click();
  await expect(row.getByRole("status")).toContainText("reset mfa");

  // Their session ended on the server: the next request goes back to sign-in.
  await person.goto("/review/findings");
  await expect(person).toHaveURL(/\/signin\?next=%2Freview%2Ffindings&ended=revoked/);
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill(password);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person).toHaveURL(/\/signin\/enroll/);
  await expect(person.getByRole("img", { name: /QR code/ })).toBeVisible();
  if (process.env.E2E_SCREENSHOTS)
    await person.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/review-enroll.png`, fullPage: true });
  // An enrollment-only session sees no review page.
  await person.goto("/review");
  await expect(person).toHaveURL(/\/signin\/enroll/);
  const fresh = (await person.getByTestId("totp-secret").textContent())!.trim();
  await person.getByLabel("6-digit code").fill(currentTotp(fresh));
  await person.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(person.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await person.getByRole("link", { name: "Continue" }).click();
  await expect(person).toHaveURL(/\/review$/);
  await admin.context().close();
  await person.context().close();
});
