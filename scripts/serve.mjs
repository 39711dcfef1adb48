#!/usr/bin/env node
// The production server `npm start` runs (scripts/start.mjs): Next's own request handler, with the
// compression of the pages the page cache serves done once per page instead of once per request
// (scripts/compress-once.mjs), and those pages served again for a second before Next sees the
// request (scripts/front-cache.mjs). Everything else is what `next start` does.
import http from "node:http";
import next from "next";
import { compressOnce } from "./compress-once.mjs";
import { frontCache } from "./front-cache.mjs";

// Next's own per-request compression is off in this server only (next.config.js): compressOnce does it.
process.env.DAYLIGHT_COMPRESSION = "server";
const port = Number(process.env.PORT || 3000);
// Every interface, as `next start` listens by default (HOSTNAME is not read: containers set it to their own name).
const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();
const compress = compressOnce();
const front = frontCache();
const server = http.createServer((req, res) => {
  // A page the page cache answered within the last second, again (scripts/front-cache.mjs).
  if (front.answer(req, res)) return;
  compress(req, res);
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// As `next start`: keep-alive a little longer than common proxies' idle timeouts.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`  ▲ Daylight serving on http://localhost:${port}`));
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
