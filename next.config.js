/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must stay external: bundled, it fails at request time with
  // `The "path" argument must be of type string … Received an instance of URL`.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  // Separate build directories let several checkouts' servers (or tests) run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Tests are type-checked by `npm run typecheck`, not by the production build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};
module.exports = nextConfig;
