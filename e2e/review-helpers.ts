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

/** The last 30-second step whose code these tests submitted, per secret: each code works once. */
const usedStep = new Map<string, number>();

/**
 * A code from a step not used before by these tests (the server refuses a code twice), with at
 * least 3 s left so it stays valid through the submit. Playwright runs one worker, so a map held
 * here sees every sign-in.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const left = (step + 1) * 30_000 - now;
    if (left >= 3_000 && step > (usedStep.get(secret) ?? -1)) {
      usedStep.set(secret, step);
      return currentTotp(secret, now);
    }
    await new Promise((r) => setTimeout(r, left + 200));
  }
}

export async function signInAs(page: Page, role: Role, next = "") {
  const u = demoUser(role);
  await page.goto(`/signin${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByLabel("Email").fill(u.email);
  await page.getByLabel("Password").fill(u.password);
  await page.getByLabel(/6-digit code/).fill(await nextTotpCode(u.totpSecret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin(\/continue)?(\?|$)/, { timeout: 60_000 });
}
