// A short-lived copy, in the production server (scripts/serve.mjs), of the responses the page cache
// (proxy.ts) answered, kept for about a second and served again before Next handles the request.
//
// Why: a page the page cache serves is the same bytes for every reader of a publication, but each
// request still went through Next's router and the proxy, about 3 ms of CPU each and more garbage
// for half-megabyte pages; at 32 connections that made the p99 of /cameras 105–205 ms. Served from
// here, a request costs a map lookup and a socket write.
//
// What is served again, and to whom:
// - only a response the page cache marked as served from it (`x-daylight-cache: hit`), status 200,
//   with no cookie set, to a GET;
// - only to a request that agrees with the one that got it on everything the page cache's key and
//   its rules read (proxy.ts pageKey): the URL, the host and forwarded host and scheme, the language
//   cookie (other cookies, a city site's analytics say, change nothing the page cache serves),
//   the languages asked for, the Fetch Metadata, and the compression chosen. A request the page
//   cache would not answer (a signed-in visitor's, the router's RSC fetches, the proxy's own fills)
//   is never answered here.
// - for `ttlMs` (1 s) after it was recorded. Then the next such request goes through to Next and
//   records the answer again, while the others get the copy until it does: a new publication
//   reaches every reader about a second after the page cache has it (it polls every 2 s).
import { ByteLru, CACHED, chooseEncoding } from "./compress-once.mjs";

/** Set on a response this cache answered, so a test or an operator can tell. */
export const FRONT = "x-daylight-front";

/** Requests the page cache never answers from memory (proxy.ts): the router's and the proxy's own. */
const PASS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "next-action",
  "x-daylight-page-fill",
  "authorization",
];
/** The language cookie (LOCALE_COOKIE of i18n/locale.ts; tests/security/front-cache.test.ts holds them equal). */
export const LANG_COOKIE = "lang";

/** Response headers not kept: Node writes its own. */
const DROPPED = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

const one = (v) => (Array.isArray(v) ? v.join(", ") : (v ?? ""));

/**
 * The key of a request this cache may answer, or null. Everything that can make the page cache's
 * answer differ is in it, as the request sent it (a finer key than the page cache's own).
 */
export function frontKey(req) {
  if (req.method !== "GET") return null;
  const url = String(req.url ?? "");
  if (!url.startsWith("/") || url.startsWith("/_next/") || /[?&]_rsc=/.test(url)) return null;
  const h = req.headers;
  if (PASS.some((name) => h[name] !== undefined)) return null;
  // Read as the proxy reads them (Next's cookie parser splits the header at ";" and the spaces after
  // it): a cookie whose name has "authjs." is a signed-in visitor's, never answered here; every
  // pair that names the language cookie is part of the key, as sent, so two requests share a copy
  // only if they say the same about it. Other cookies change nothing the page cache serves.
  const langs = [];
  for (const pair of one(h.cookie).split(/; */)) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (name.includes("authjs.")) return null;
    if (name === LANG_COOKIE) langs.push(pair);
  }
  const dest = h["sec-fetch-dest"];
  const mode = h["sec-fetch-mode"];
  if ((dest !== undefined && dest !== "document") || (mode !== undefined && mode !== "navigate")) return null;
  return JSON.stringify([
    url,
    one(h.host),
    one(h["x-forwarded-host"]),
    one(h["x-forwarded-proto"]),
    one(h.forwarded),
    langs.join(";"),
    one(h["accept-language"]),
    one(dest),
    one(mode),
    chooseEncoding(h["accept-encoding"]) ?? "",
  ]);
}

/**
 * The cache: `answer(req, res)` serves a kept copy and returns true, or returns false and watches
 * `res` (call it before anything else wraps `res`) to keep the answer when the page cache gave it.
 */
export function frontCache({ ttlMs = 1000, maxBytes = 64 * 1024 * 1024, now = () => Date.now() } = {}) {
  const kept = new ByteLru(maxBytes);

  /** Watches the response Next writes, and keeps it when it is a page cache hit. */
  const record = (key, res) => {
    const write = res.write;
    const end = res.end;
    let chunks = [];
    let capturing;
    const decide = () => {
      capturing ??= res.statusCode === 200 && res.getHeader(CACHED) === "hit" && !res.hasHeader("set-cookie");
      return capturing;
    };
    const add = (data, enc) => {
      if (data == null || typeof data === "function" || !decide()) return;
      chunks.push(Buffer.isBuffer(data) ? data : Buffer.from(data, typeof enc === "string" ? enc : undefined));
    };
    res.write = function (data, enc, cb) {
      add(data, enc);
      return write.call(this, data, enc, cb);
    };
    res.end = function (data, enc, cb) {
      add(data, enc);
      if (decide()) {
        const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([k]) => !DROPPED.has(k)));
        const body = Buffer.concat(chunks);
        headers[FRONT] = "hit";
        headers["content-length"] = String(body.length);
        kept.set(key, { body, headers, at: now(), refreshing: false }, body.length);
      } else kept.delete(key);
      chunks = [];
      return end.call(this, data, enc, cb);
    };
    // A request that never finished leaves the copy for the next one to refresh.
    res.on("close", () => {
      const e = kept.peek(key);
      if (e && !res.writableFinished) e.refreshing = false;
    });
  };

  return {
    get size() {
      return kept.size;
    },
    answer(req, res) {
      const key = frontKey(req);
      if (key === null) return false;
      const e = kept.find(key); // now the most recently used
      const age = e ? now() - e.at : Infinity;
      // Fresh: served. Stale: this request refreshes it, the others are served the copy meanwhile
      // (for at most 10 s, in case the refresh never comes back).
      if (!e || (age > ttlMs && (!e.refreshing || age > ttlMs + 10_000))) {
        if (e) e.refreshing = true;
        record(key, res);
        return false;
      }
      res.writeHead(200, e.headers);
      res.end(e.body);
      return true;
    },
  };
}
