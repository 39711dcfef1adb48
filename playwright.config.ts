// End-to-end tests in a real browser against a production build on a throwaway embedded database.
// Set E2E_BASE_URL to test an already running server instead (e.g. your own `next dev`).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.E2E_BASE_URL;
const chromium = process.env.CHROMIUM_PATH ?? (process.env.PLAYWRIGHT_OWN_BROWSER ? undefined : "/usr/bin/chromium");

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // The home page's figures are checked against the raw tables as of the setup's publication
  // (scripts/e2e-server.mjs), so those specs run before any spec whose change starts another one.
  projects: [
    { name: "setup-publication", testMatch: ["foundation.spec.ts", "home.spec.ts"] },
    {
      name: "everything-else",
      // second-city.spec.ts has its own server and database: playwright.second-city.config.ts runs it.
      testIgnore: ["foundation.spec.ts", "home.spec.ts", "second-city.spec.ts"],
      dependencies: ["setup-publication"],
    },
  ],
  webServer: external
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: `http://127.0.0.1:${port}/api/health`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { E2E_PORT: String(port) },
      },
});
