// An administrator creates a council account with a temporary password; its holder enrolls their
// own second factor at first sign-in (the admin never sees it); the admin resets their two-step
// sign-in after confirming, which ends their session; they enroll again with the QR secret.
// The admin cannot disable their own account.
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
  await create.getByLabel(/Temporary password/).fill(password);
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toContainText(`Created ${email}`);
  // Nothing of the new account's second factor reaches the admin.
  await expect(create.locator("code")).toHaveCount(0);
  await expect(admin.getByText(/otpauth:|Recovery codes/)).toHaveCount(0);
  if (process.env.E2E_SCREENSHOTS)
    await admin.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/review-admin.png`, fullPage: true });

  const person = await (await browser.newContext()).newPage();
  const enroll = async () => {
    await person.getByLabel("Email").fill(email);
    await person.getByLabel("Password").fill(password);
    await person.getByRole("button", { name: "Sign in" }).click();
    await expect(person).toHaveURL(/\/signin\/enroll/);
    await expect(person.getByRole("img", { name: /QR code/ })).toBeVisible();
    const secret = (await person.getByTestId("totp-secret").textContent())!.trim();
    await person.getByLabel("6-digit code").fill(currentTotp(secret));
    await person.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(person.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await person.getByRole("link", { name: "Continue" }).click();
  };
  await person.goto("/signin?next=/review/findings");
  await enroll();
  await expect(person).not.toHaveURL(/\/signin/);

  const row = admin.getByRole("form", { name: `Manage ${email}` });
  await row.getByRole("button", { name: "Reset two-step" }).click();
  const confirm = admin.getByRole("form", { name: `Confirm change to ${email}` });
  await expect(confirm.getByRole("alert")).toContainText(`Reset two-step sign-in for ${email}?`);
  await confirm.getByRole("button", { name: "Yes, reset two-step" }).click();
  await expect(row.getByRole("status")).toContainText("reset mfa");

  // Their session ended on the server: the next request goes back to sign-in.
  await person.goto("/review/findings");
  await expect(person).toHaveURL(/\/signin\?next=%2Freview%2Ffindings&ended=revoked/);
  if (process.env.E2E_SCREENSHOTS)
    await person.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/review-enroll.png`, fullPage: true });
  await enroll();
  await expect(person).not.toHaveURL(/\/signin/);

  // The admin's own account: disabling it is refused, after the confirmation.
  const me = admin.getByRole("form", { name: /^Manage admin/ });
  await me.getByRole("button", { name: "Disable" }).click();
  await admin.getByRole("button", { name: "Yes, disable" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "cannot disable your own account" })).toBeVisible();
  await admin.context().close();
  await person.context().close();
});
