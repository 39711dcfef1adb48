// Signing in as a demo account in the browser: password plus the current TOTP code computed
// from the seeded secret (as an authenticator app would).
import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { currentTotp } from "../lib/auth/totp";
import type { Role } from "../lib/auth/roles";

export function demoUser(role: Role) {
  const u = DEMO_USERS.find((d) => d.role === role);
  if (!u) throw new Error(`no demo ${role}`);
  return u;
}

/** A code from a fresh 30-second step, so it stays valid through the submit. */
async function freshCode(secret: string): Promise<string> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 3_000) await new Promise((r) => setTimeout(r, left + 200));
  return currentTotp(secret);
}

export async function signInAs(page: Page, role: Role, next = "") {
  const u = demoUser(role);
  await page.goto(`/signin${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByLabel("Email").fill(u.email);
  await page.getByLabel("Password").fill(u.password);
  await page.getByLabel(/6-digit code/).fill(await freshCode(u.totpSecret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin(\/continue)?(\?|$)/, { timeout: 60_000 });
}
