// Signing in as a demo account in the browser: password plus the current TOTP code computed
// from the seeded secret (as an authenticator app would).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/auth/demo-users";
import { currentTotp } from "../lib/auth/totp";
import type { Role } from "../lib/auth/roles";
import { currentDataDir } from "./lanes";

export function demoUser(role: Role) {
  const u = DEMO_USERS.find((d) => d.role === role);
  if (!u) throw new Error(`no demo ${role}`);
  return u;
}

/**
 * The last 30-second step whose code these tests submitted, per secret: each code works once.
 * Kept in the lane's e2e data directory (each lane's server has accounts of its own), not in
 * memory: Playwright starts a new worker after a failed test, and a fresh map would hand out a code
 * the server has already accepted.
 */
const stepsFile = () => path.join(currentDataDir(), "totp-steps.json");
const usedStep = {
  get(secret: string): number | undefined {
    try {
      return (JSON.parse(readFileSync(stepsFile(), "utf8")) as Record<string, number>)[secret];
    } catch {
      return undefined;
    }
  },
  set(secret: string, step: number): void {
    let all: Record<string, number> = {};
    try {
      all = JSON.parse(readFileSync(stepsFile(), "utf8")) as Record<string, number>;
    } catch {
      // first code of the run
    }
    all[secret] = step;
    mkdirSync(path.dirname(stepsFile()), { recursive: true });
    writeFileSync(stepsFile(), JSON.stringify(all));
  },
};
const STEP_MS = 30_000;

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
