// The second-city end-to-end test: a city that is not the demo one, from an empty Postgres
// database, on its own exports (scripts/e2e-second-city-server.mjs prepares and serves it).
// Run after the main suite by scripts/test.mjs; skips with the reason when no Postgres is reachable.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const port = Number(process.env.E2E_PORT ?? 3101);
// Lets e2e/second-city.spec.ts run (the main suite skips it); Playwright workers inherit it.
process.env.DAYLIGHT_E2E_SECOND_CITY = "1";

export default defineConfig({
  ...base,
  testDir: "e2e",
  testMatch: ["second-city.spec.ts"],
  projects: undefined,
  timeout: 150_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: "node scripts/e2e-second-city-server.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
