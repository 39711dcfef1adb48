import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Outside Next.js the real package throws on import; tests exercise server modules directly.
      "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/limits.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM loader rejects;
    // inlined, Vite resolves it (tests call the auth route handlers directly).
    server: { deps: { inline: ["next-auth"] } },
  },
});
