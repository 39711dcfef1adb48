// End-to-end tests in a real browser against a production build on throwaway embedded databases.
// Set E2E_BASE_URL to test an already running server instead (e.g. your own `next dev`): the lanes
// then share it and run one at a time.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM_PATH } from "./e2e/chromium";
import { LANES, WRITER_IGNORES, laneDataDir } from "./e2e/lanes.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR || ".data-e2e";
const external = process.env.E2E_BASE_URL;
const chromium = process.env.CHROMIUM_PATH ?? (process.env.PLAYWRIGHT_OWN_BROWSER ? undefined : DEFAULT_CHROMIUM_PATH);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker per lane (the specs of a lane share a server and run in order). The lanes are in
  // one phase (no project depends on another): Playwright runs a dependent project only after
  // every project of the phase before has ended.
  workers: external ? 1 : LANES.length,
  retries: 0,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: LANES.map((lane) => ({
    name: lane.name,
    ...(lane.specs ? { testMatch: lane.specs } : { testIgnore: WRITER_IGNORES }),
    workers: 1,
    // Against one outside server the lanes share its accounts, so they share one TOTP step file.
    metadata: { dataDir: external ? dataDir : laneDataDir(dataDir, lane) },
    use: { baseURL: external ?? `http://127.0.0.1:${port + lane.portOffset}` },
  })),
  webServer: external
    ? undefined
    : LANES.map((lane) => ({
        command: "node scripts/e2e-server.mjs",
        url: `http://127.0.0.1:${port + lane.portOffset}/api/health`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe" as const,
        stderr: "pipe" as const,
        env: { ...lane.env, E2E_PORT: String(port + lane.portOffset), E2E_DATA_DIR: laneDataDir(dataDir, lane) },
      })),
});
