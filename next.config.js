// next-intl without i18n routing: the plugin points next-intl at i18n/request.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must stay external: bundled, it fails at request time with
  // `The "path" argument must be of type string … Received an instance of URL`.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pg-boss", "pg"],
  // Separate build directories let several checkouts' servers (or tests) run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The production server (scripts/serve.mjs) compresses responses itself: the cached pages once
  // per page rather than once per request (scripts/compress-once.mjs).
  compress: process.env.DAYLIGHT_COMPRESSION !== "server",
  // Playwright drives dev servers at 127.0.0.1; without this Next blocks its dev resources there
  // and client components never hydrate.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Tests are type-checked by `npm run typecheck`, not by the production build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};
module.exports = createNextIntlPlugin("./i18n/request.ts")(nextConfig);
