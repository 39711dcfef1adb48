// The production server's compression (scripts/compress-once.mjs) over real HTTP: a page the page
// cache serves is compressed once and its compressed bytes served again, decoding to the same
// page; every other response is compressed per request, as Next does, and streams as it did.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHED, chooseEncoding, CompressedBodies, compressOnce, PAGE_ID } from "../../scripts/compress-once.mjs";
import { PAGE_CACHE_HEADER, PAGE_ID_HEADER } from "../../lib/security/page-cache";

const page = (n: number) => `<!DOCTYPE html><p>${"publication figures ".repeat(2000)}</p><i>${n}</i>`;
let renders = 0;
let bodies: { compressions: number; bytes: number };
let base: string;
let server: http.Server;

beforeAll(async () => {
  const store = new CompressedBodies(1024 * 1024);
  bodies = store;
  const compress = compressOnce(store);
  server = http.createServer((req, res) => {
    compress(req, res);
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (url.pathname === "/cached") {
      // As Next sends a cached page: headers flushed first, then the body in chunks.
      res.setHeader("x-daylight-cache", "hit");
      res.statusCode = 200;
      res.flushHeaders();
      const body = page(Number(url.searchParams.get("v") ?? 1));
      res.write(body.slice(0, 1000));
      res.write(Buffer.from(body.slice(1000)));
      res.end();
    } else if (url.pathname === "/paged") {
      // A cached page with its id, as proxy.ts sends one.
      res.setHeader("x-daylight-cache", "hit");
      res.setHeader("x-daylight-page", String(url.searchParams.get("id")));
      res.flushHeaders();
      res.end(page(Number(url.searchParams.get("v"))));
    } else if (url.pathname === "/missing") {
      res.setHeader("x-daylight-cache", "hit");
      res.statusCode = 404;
      res.end(page(0));
    } else {
      renders += 1;
      res.end(page(renders));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function get(path: string, acceptEncoding?: string) {
  const r = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http
      .get(`${base}${path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, resolve)
      .on("error", reject),
  );
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const enc = r.headers["content-encoding"];
  const text = (enc === "br" ? brotliDecompressSync(raw) : enc === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
  return { status: r.statusCode, enc, raw, text, vary: String(r.headers.vary ?? ""), headers: r.headers };
}

describe("compressing the cached pages once", () => {
  it("answers a cached page compressed, and compresses it only once for any number of readers", async () => {
    const before = bodies.compressions;
    const first = await get("/cached", "gzip, deflate, br, zstd");
    expect(first.enc).toBe("br");
    expect(first.text).toBe(page(1));
    expect(first.raw.length).toBeLessThan(page(1).length / 10);
    expect(first.vary).toMatch(/accept-encoding/i);
    for (let i = 0; i < 5; i++) expect((await get("/cached", "br")).raw.equals(first.raw)).toBe(true);
    expect(bodies.compressions - before).toBe(1);
    // gzip for a reader that takes only gzip: one more compression, then served again.
    const gz = await get("/cached", "gzip");
    expect(gz.enc).toBe("gzip");
    expect(gz.text).toBe(page(1));
    await get("/cached", "gzip");
    expect(bodies.compressions - before).toBe(2);
  });

  it("compresses a new publication's page anew (the body, not the URL, is the key)", async () => {
    const before = bodies.compressions;
    const next = await get("/cached?v=2", "br");
    expect(next.text).toBe(page(2));
    expect(bodies.compressions - before).toBe(1);
  });

  it("keeps a page's compressed bytes under its id, and replays them without reading the page again", async () => {
    const before = bodies.compressions;
    const first = await get("/paged?id=p1&v=7", "br");
    expect(first.text).toBe(page(7));
    expect(first.headers["x-daylight-page"]).toBeUndefined();
    // The same id: the kept bytes, whatever is written (the page cache sends the same page under one id).
    const again = await get("/paged?id=p1&v=8", "br");
    expect(again.text).toBe(page(7));
    expect(bodies.compressions - before).toBe(1);
    // Another id (a new publication's page) is compressed anew.
    expect((await get("/paged?id=p2&v=8", "br")).text).toBe(page(8));
    expect(bodies.compressions - before).toBe(2);
    // The id stays inside the server for a reader who takes no encoding too.
    const plain = await get("/paged?id=p1&v=7");
    expect(plain.enc).toBeUndefined();
    expect(plain.headers["x-daylight-page"]).toBeUndefined();
  });

  it("sends a cached page uncompressed to a reader who takes no encoding, or refuses them all", async () => {
    for (const accept of [undefined, "identity", "br;q=0, gzip;q=0"]) {
      const r = await get("/cached", accept);
      expect(r.enc, String(accept)).toBeUndefined();
      expect(r.text).toBe(page(1));
    }
  });

  it("leaves other responses to per-request compression, rendered and compressed each time", async () => {
    const before = bodies.compressions;
    const a = await get("/fresh", "gzip");
    const b = await get("/fresh", "gzip");
    expect([a.enc, b.enc]).toEqual(["gzip", "gzip"]);
    expect(a.text).not.toBe(b.text);
    expect(bodies.compressions).toBe(before);
    const missing = await get("/missing", "br");
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(page(0));
    expect(bodies.compressions).toBe(before);
  });

  it("keeps no more compressed bytes than its limit", async () => {
    const small = new CompressedBodies(60);
    for (let i = 0; i < 20; i++) small.get("gzip", Buffer.from(`page ${i} `.repeat(50)));
    expect(small.bytes).toBeLessThanOrEqual(60);
    expect(small.compressions).toBe(20);
  });
});

describe("the headers the proxy and the server's compression share", () => {
  it("are named the same on both sides", () => {
    expect(CACHED).toBe(PAGE_CACHE_HEADER);
    expect(PAGE_ID).toBe(PAGE_ID_HEADER);
  });
});

describe("chooseEncoding", () => {
  it("prefers br, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding("deflate")).toBeNull();
  });
});
