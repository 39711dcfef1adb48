// Signing in as a demo account in the browser: password plus the current TOTP code computed
// from the seeded secret (as an authenticator app would).
import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/auth/demo-users";
import { currentTotp } from "../lib/auth/totp";
import type { Role } from "../lib/auth/roles";

export function demoUser(role: Role) {
  const u = DEMO_USERS.find((d) => d.role === role);
  if (!u) throw new Error(`no demo ${role}`);
  return u;
}

/** The last 30-second step whose code these tests submitted, per secret: each code works once. */
const usedStep = new Map<string, number>();
const STEP_MS = 30_000;

/**
 * A code from a step these tests have not used (the server refuses a code twice). The server
 * accepts a code from one step either side of its own (clock drift), so a code of the current or
 * the next step stays valid for at least another 30 s: two sign-ins as one account in a row need
 * no wait, a third waits for the next step. Playwright runs one worker, so this map sees them all.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / STEP_MS);
    const step = Math.max(current, (usedStep.get(secret) ?? -1) + 1);
    if (step <= current + 1) {
      usedStep.set(secret, step);
      return currentTotp(secret, step * STEP_MS + 1_000);
    }
    await new Promise((r) => setTimeout(r, (current + 1) * STEP_MS - now + 200));
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
