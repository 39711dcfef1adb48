// The production server's short-lived copy of the page cache's answers (scripts/front-cache.mjs),
// over real HTTP and stacked as scripts/serve.mjs stacks it (the copy, then compression, then the
// handler): a page the page cache served is answered again for a second without reaching the
// handler, byte for byte; never to a request the page cache would have answered differently or not
// at all; and refreshed by one request once the second is over. The clock is the test's own.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compressOnce } from "../../scripts/compress-once.mjs";
import { FRONT, frontCache, frontKey, LANG_COOKIE } from "../../scripts/front-cache.mjs";
import { LOCALE_COOKIE } from "../../i18n/locale";
import { PAGE_CACHE_HEADER } from "../../lib/security/page-cache";

let clock = 0;
let version = 1;
/** Requests that reached the handler, by path. */
const reached: string[] = [];
let hold: Promise<void> | null = null;
let base: string;
let server: http.Server;
const TTL = 1000;
const cache = frontCache({ ttlMs: TTL, maxBytes: 1024 * 1024, now: () => clock });
const page = (v: number, path: string) => `<!DOCTYPE html><p>${path} ${"figures ".repeat(500)}</p><i>v${v}</i>`;

beforeAll(async () => {
  const compress = compressOnce();
  server = http.createServer((req, res) => {
    if (cache.answer(req, res)) return;
    void handle(req, res, compress);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

/** The stand-in for Next: the page cache's answer for most paths, as Next writes it. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse, compress: ReturnType<typeof compressOnce>) {
  compress(req, res);
  const url = new URL(req.url ?? "/", "http://x");
  reached.push(url.pathname);
  if (hold) await hold;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", `script-src 'sha256-v${version}'`);
  if (url.pathname === "/fresh") return res.end(page(version, url.pathname)); // not from the page cache
  if (url.pathname === "/cookie") res.setHeader("set-cookie", "a=b");
  if (url.pathname === "/gone" && version > 1) {
    res.setHeader(PAGE_CACHE_HEADER, "hit"); // marked all the same: the status decides
    res.statusCode = 404;
    return res.end("gone");
  }
  // As Next sends the page cache's answer: marked, headers flushed first, then the body.
  res.setHeader(PAGE_CACHE_HEADER, "hit");
  res.flushHeaders();
  const body = page(version, url.pathname + url.search);
  res.write(body.slice(0, 100));
  res.end(body.slice(100));
}
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  clock += 60_000; // every test starts with every copy stale
  version += 1;
  reached.length = 0;
});

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const r = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.request(`${base}${path}`, { headers, method }, resolve).on("error", reject).end(),
  );
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const text = (r.headers["content-encoding"] === "br" ? brotliDecompressSync(raw) : raw).toString("utf8");
  return { status: r.statusCode, text, raw, headers: r.headers, front: r.headers[FRONT] === "hit" };
}

describe("the server's copy of the page cache's answers", () => {
  it("answers a page the page cache served again for a second, the same bytes and headers, without the handler", async () => {
    const first = await get("/drones");
    expect(first.front).toBe(false);
    expect(first.text).toBe(page(version, "/drones"));
    const again = await get("/drones");
    expect(again.front).toBe(true);
    expect(again.raw.equals(first.raw)).toBe(true);
    expect(again.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(again.headers["content-length"]).toBe(String(first.raw.length));
    expect(reached).toEqual(["/drones"]);
    // Compressed answers are kept apart from plain ones, and decode to the same page.
    const br = await get("/drones", { "accept-encoding": "gzip, br" });
    expect([br.front, br.headers["content-encoding"], br.text]).toEqual([false, "br", first.text]);
    const br2 = await get("/drones", { "accept-encoding": "gzip, br" });
    expect([br2.front, br2.raw.equals(br.raw)]).toEqual([true, true]);
    expect(reached).toEqual(["/drones", "/drones"]);
  });

  it("after a second, one request fetches the new publication's page while the others get the copy", async () => {
    await get("/cameras");
    version += 1; // a publication commits
    clock += TTL + 1;
    let release = () => {};
    hold = new Promise<void>((r) => (release = r));
    const refreshing = get("/cameras");
    while (reached.length < 2) await new Promise((r) => setTimeout(r, 5));
    // While the refresh is in the handler, readers get the copy (one publication behind).
    const meanwhile = await get("/cameras");
    expect(meanwhile.front).toBe(true);
    expect(meanwhile.text).toBe(page(version - 1, "/cameras"));
    release();
    hold = null;
    expect((await refreshing).text).toBe(page(version, "/cameras"));
    const after = await get("/cameras");
    expect([after.front, after.text]).toEqual([true, page(version, "/cameras")]);
    expect(reached).toEqual(["/cameras", "/cameras"]);
  });

  it("drops the copy when the page is no longer the page cache's answer", async () => {
    await get("/gone");
    version = Math.max(version, 2);
    clock += TTL + 1;
    for (const time of [1, 2, 3]) {
      const r = await get("/gone");
      expect([r.status, r.front], String(time)).toEqual([404, false]);
    }
    expect(reached).toEqual(["/gone", "/gone", "/gone", "/gone"]);
  });

  it("never keeps an answer the page cache did not give, or one that sets a cookie", async () => {
    for (const path of ["/fresh", "/cookie"]) {
      await get(path);
      const again = await get(path);
      expect(again.front, path).toBe(false);
    }
    expect(reached).toEqual(["/fresh", "/fresh", "/cookie", "/cookie"]);
  });

  it("answers a request only from the copy of one that agrees on everything the page cache reads", async () => {
    const variants: Record<string, string>[] = [
      { cookie: "lang=es" },
      { "accept-language": "es" },
      { host: "other.example" },
      { "x-forwarded-host": "portal.example" },
      { "x-forwarded-proto": "https" },
      { "accept-encoding": "gzip" },
      { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" },
    ];
    await get("/cso");
    for (const h of variants) {
      expect((await get("/cso", h)).front, JSON.stringify(h)).toBe(false);
      expect((await get("/cso", h)).front, JSON.stringify(h)).toBe(true);
    }
    // Cookies the page cache does not read change nothing: the Spanish reader's copy.
    expect((await get("/cso", { cookie: "theme=dark; lang=es" })).front).toBe(true);
    expect((await get("/cso?page=2")).front).toBe(false);
    expect(reached).toHaveLength(variants.length + 2);
  });

  it("never answers what the page cache would not: signed in, the router's fetches, other methods", async () => {
    await get("/data");
    expect((await get("/data")).front).toBe(true);
    const passed: Array<[Record<string, string>, string, string]> = [
      [{ cookie: "authjs.session-token=x" }, "/data", "GET"],
      [{ cookie: "lang=en; __Secure-authjs.session-token=x" }, "/data", "GET"],
      [{ rsc: "1" }, "/data", "GET"],
      [{ "next-router-prefetch": "1" }, "/data", "GET"],
      [{ "next-url": "/data" }, "/data", "GET"],
      [{ "sec-fetch-mode": "cors" }, "/data", "GET"],
      [{ "sec-fetch-dest": "empty" }, "/data", "GET"],
      [{ "x-daylight-page-fill": "1" }, "/data", "GET"],
      [{}, "/data?_rsc=abc", "GET"],
      [{}, "/data", "HEAD"],
      [{}, "/data", "POST"],
    ];
    // Each twice: the handler here marks every answer as the page cache's, so only the refusal
    // keeps the second from being a copy.
    for (const [h, path, method] of passed)
      for (const time of [1, 2]) {
        const r = await get(path, h, method);
        expect(r.front, `${method} ${path} ${JSON.stringify(h)} (${time})`).toBe(false);
      }
    expect(reached).toHaveLength(1 + 2 * passed.length);
  });

  it("keys a request on what it sent, and refuses the ones it must pass on", () => {
    const req = (url: string, headers: Record<string, string> = {}, method = "GET") =>
      ({ url, method, headers }) as unknown as http.IncomingMessage;
    expect(LANG_COOKIE).toBe(LOCALE_COOKIE);
    // Cookies the page cache does not read (a city site's analytics) share the reader's copy; the
    // language cookie, as sent, does not.
    expect(frontKey(req("/", { cookie: "_ga=GA1.1.123; lang=es" }))).toBe(
      frontKey(req("/", { cookie: "lang=es; _gid=9" })),
    );
    expect(frontKey(req("/", { cookie: "_ga=1" }))).toBe(frontKey(req("/")));
    expect(frontKey(req("/", { cookie: "lang=es" }))).not.toBe(frontKey(req("/", { cookie: "lang=en" })));
    expect(frontKey(req("/", { cookie: "lang=es" }))).not.toBe(frontKey(req("/", { cookie: "lang= es" })));
    expect(frontKey(req("/", { cookie: "lang=es;x=1" }))).toBe(frontKey(req("/", { cookie: "x=1;  lang=es" })));
    expect(frontKey(req("/", { cookie: "lang=es; lang=en" }))).not.toBe(
      frontKey(req("/", { cookie: "lang=en; lang=es" })),
    );
    expect(frontKey(req("/", { cookie: "lang=es; next-auth=1; __Secure-authjs.session-token=x" }))).toBeNull();
    expect(frontKey(req("/"))).not.toBeNull();
    expect(frontKey(req("/_next/static/chunks/a.js"))).toBeNull();
    expect(frontKey(req("/", { "accept-encoding": "br" }))).not.toBe(frontKey(req("/", { "accept-encoding": "gzip" })));
    // Encodings the server answers the same way share one copy.
    expect(frontKey(req("/", { "accept-encoding": "gzip, deflate, br, zstd" }))).toBe(
      frontKey(req("/", { "accept-encoding": "br" })),
    );
  });

  it("keeps no more bytes than its limit", async () => {
    const small = frontCache({ ttlMs: TTL, maxBytes: 6000, now: () => clock });
    const s = http.createServer((req, res) => {
      if (small.answer(req, res)) return;
      res.setHeader(PAGE_CACHE_HEADER, "hit");
      res.end("x".repeat(2500));
    });
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    for (let i = 0; i < 5; i++)
      await new Promise<void>((r) => http.get(`http://127.0.0.1:${port}/p${i}`, (res) => res.resume().on("end", r)));
    expect(small.size).toBe(2);
    await new Promise<void>((r) => s.close(() => r()));
  });
});
