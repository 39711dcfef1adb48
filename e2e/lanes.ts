// The lane a running test belongs to (the lanes are in e2e/lanes.mjs).
import path from "node:path";
import { test } from "@playwright/test";

/** The database directory of the running test's lane (call inside a test). */
export function currentDataDir(): string {
  const dir = test.info().project.metadata?.dataDir as string | undefined;
  return path.resolve(dir ?? process.env.E2E_DATA_DIR ?? ".data-e2e");
}
