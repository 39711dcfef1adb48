// End-to-end tests in a real browser against a production build on a throwaway embedded database.
// Set E2E_BASE_URL to test an already running server instead (e.g. your own `next dev`).
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM_PATH } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
// The role walks (e2e/walk.spec.ts) submit every form of each area: they run beside the rest on a
// server and database of their own, so their changes cannot reach another spec's figures.
const walkPort = port + 1;
const walkDataDir = `${process.env.E2E_DATA_DIR || ".data-e2e"}-walk`;
const external = process.env.E2E_BASE_URL;
const chromium = process.env.CHROMIUM_PATH ?? (process.env.PLAYWRIGHT_OWN_BROWSER ? undefined : DEFAULT_CHROMIUM_PATH);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker per project (the specs of a project share a server and run in order), and the walks
  // beside them.
  workers: external ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_FLAGS,
    },
  },
  // The home page's figures are checked against the raw tables as of the setup's publication
  // (scripts/e2e-server.mjs), so those specs run before any spec whose change starts another one.
  projects: [
    { name: "setup-publication", testMatch: ["foundation.spec.ts", "home.spec.ts"], workers: 1 },
    {
      name: "everything-else",
      // second-city.spec.ts has its own server and database: playwright.second-city.config.ts runs it.
      testIgnore: ["foundation.spec.ts", "home.spec.ts", "second-city.spec.ts", "walk.spec.ts"],
      dependencies: ["setup-publication"],
      workers: 1,
    },
    {
      name: "walks",
      testMatch: ["walk.spec.ts"],
      workers: 1,
      use: external ? {} : { baseURL: `http://127.0.0.1:${walkPort}` },
    },
  ],
  webServer: external
    ? undefined
    : [
        {
          command: "node scripts/e2e-server.mjs",
          url: `http://127.0.0.1:${port}/api/health`,
          timeout: 600_000,
          reuseExistingServer: false,
          stdout: "pipe",
          stderr: "pipe",
          env: { E2E_PORT: String(port) },
        },
        {
          command: "node scripts/e2e-server.mjs",
          url: `http://127.0.0.1:${walkPort}/api/health`,
          timeout: 600_000,
          reuseExistingServer: false,
          stdout: "pipe",
          stderr: "pipe",
          env: { E2E_PORT: String(walkPort), E2E_DATA_DIR: walkDataDir },
        },
      ],
});
