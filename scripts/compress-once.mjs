// Compression for the production server (scripts/serve.mjs), in place of Next's per-request gzip.
//
// A public page served from the page cache (proxy.ts marks it `x-daylight-cache: hit` and gives its
// body's digest in `x-daylight-page`) is the same bytes for every reader until the next
// publication, and a file under /_next/static never changes, so each is compressed once and the
// compressed bytes are served again, kept under the page's digest (or the file's URL): at scale 100
// /cameras is about 0.6 MB of HTML, and gzipping it for every request made the server's CPU the
// limit (a browser's request got a fifth of the rate of wrk's plain one). When the compressed bytes
// are kept, the body Next writes is not even held. Everything else (pages rendered afresh, API
// answers, downloads, streamed responses) goes through the same `compression` middleware Next uses.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import compression from "next/dist/compiled/compression/index.js";

/**
 * The headers the page cache sets on the pages it serves: PAGE_CACHE_HEADER and PAGE_ID_HEADER of
 * lib/security/page-cache.ts, which this plain module cannot import (tests/security/compress-once.test.ts
 * holds them equal).
 */
export const CACHED = "x-daylight-cache";
export const PAGE_ID = "x-daylight-page";

/** The encoding to answer with: br when the reader takes it, then gzip, else none. */
export function chooseEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (e) => (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

/** Values by key, each with its size; the least recently used dropped once the sizes pass `maxBytes`. */
export class ByteLru {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    this.entries = new Map();
  }

  get size() {
    return this.entries.size;
  }

  /** The value kept under `key`, now the most recently used, if any. */
  find(key) {
    const had = this.entries.get(key);
    if (!had) return undefined;
    this.entries.delete(key);
    this.entries.set(key, had);
    return had.value;
  }

  /** The value kept under `key`, leaving the order as it is. */
  peek(key) {
    return this.entries.get(key)?.value;
  }

  /** Keeps `value` under `key` (not at all when it alone is over the limit), dropping the oldest past it. */
  set(key, value, size) {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.size;
    }
  }

  delete(key) {
    const had = this.entries.get(key);
    if (!had) return;
    this.entries.delete(key);
    this.bytes -= had.size;
  }
}

/** Compressed bodies by key (encoding and page), the least recently used dropped past `maxBytes`. */
export class CompressedBodies {
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.kept = new ByteLru(maxBytes);
    this.compressions = 0;
  }

  /** The bytes kept. */
  get bytes() {
    return this.kept.bytes;
  }

  /** The compressed bytes kept under `key`, if any. */
  find(key) {
    return this.kept.find(key);
  }

  /** `body` compressed with `encoding`, kept under `key` (or under its digest, without one). */
  get(encoding, body, key = `${encoding}:${createHash("sha1").update(body).digest("base64")}`) {
    const had = this.find(key);
    if (had) return had;
    // Brotli 5 and gzip 6: about 5 ms for /cameras at scale 100 (583 kB to 46 kB and 62 kB);
    // brotli 9 saved 2 kB more for 24 ms, paid again by every new URL a crawler invents.
    const out =
      encoding === "br"
        ? brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gzipSync(body, { level: 6 });
    this.compressions += 1;
    this.kept.set(key, out, out.length);
    return out;
  }
}

/**
 * A middleware `(req, res) => void` to call before the request handler: the cached pages'
 * compressed bodies are served from `bodies`; every other response is compressed as Next would.
 */
export function compressOnce(bodies = new CompressedBodies()) {
  const perRequest = compression();
  return (req, res) => {
    perRequest(req, res, () => {});
    const encoding = req.method === "GET" ? chooseEncoding(req.headers["accept-encoding"]) : null;
    // Whether this response is a cached page is known when its headers go out (Next flushes them
    // before the body): a cached page is then marked with its encoding and answered from `bodies`;
    // anything else is written on as it comes.
    const writeHead = res.writeHead;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    // null: not a page or file compressed once; "replay": its compressed bytes are kept (what
    // Next writes is dropped); "hold": the body is held whole, compressed, and kept under `key`.
    let mode;
    let key;
    let kept;
    let held = [];
    const decide = () => {
      if (mode !== undefined) return mode;
      mode = null;
      const page = res.getHeader(CACHED) === "hit";
      const id = res.getHeader(PAGE_ID);
      res.removeHeader(PAGE_ID); // for this server only
      const file = String(req.url).startsWith("/_next/static/");
      if (!encoding || res.statusCode !== 200 || !(page || file) || res.getHeader("content-encoding")) return mode;
      key = page && id ? `${encoding}:page:${id}` : file ? `${encoding}:file:${req.url}` : undefined;
      kept = key ? bodies.find(key) : undefined;
      mode = kept ? "replay" : "hold";
      res.setHeader("content-encoding", encoding);
      res.removeHeader("content-length");
      const vary = String(res.getHeader("vary") ?? "");
      if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      return mode;
    };
    res.writeHead = function (status, ...rest) {
      if (typeof status === "number") res.statusCode = status;
      decide();
      return writeHead.call(this, status, ...rest);
    };
    const chunk = (data, enc) =>
      Buffer.isBuffer(data) ? data : typeof data === "string" ? Buffer.from(data, enc) : Buffer.from(data);
    res.write = (data, enc, cb) => {
      if (!decide()) return write(data, enc, cb);
      if (mode === "hold" && data != null && data.length)
        held.push(chunk(data, typeof enc === "string" ? enc : undefined));
      const done = typeof enc === "function" ? enc : cb;
      if (typeof done === "function") process.nextTick(done);
      return true;
    };
    res.end = (data, enc, cb) => {
      if (!decide()) return end(data, enc, cb);
      if (mode === "hold" && data != null && typeof data !== "function" && data.length)
        held.push(chunk(data, typeof enc === "string" ? enc : undefined));
      const body = kept ?? bodies.get(encoding, Buffer.concat(held), key);
      held = [];
      if (!res.headersSent) res.setHeader("content-length", body.length);
      return end(
        body,
        [data, enc, cb].find((x) => typeof x === "function"),
      );
    };
  };
}
