import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../lib/security/headers";
import {
  hashPageScripts,
  isCacheablePage,
  nonceOf,
  PageCache,
  VersionPoll,
  type CachedPage,
} from "../../lib/security/page-cache";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const page = (text: string): CachedPage => ({
  status: 200,
  body: new TextEncoder().encode(text),
  headers: [["content-type", "text/html"]],
  scriptHashes: [],
  id: text,
});

describe("cached public pages under a hash-based policy", () => {
  it("hashes only the inline scripts the render gave its nonce, and takes the nonce out", async () => {
    const nonce = "Zm9vYmFyYmF6cXV4MTIzNA==";
    const own = 'self.__next_f.push([1,"caf\\u00e9 <\\/script> ünïcode"])';
    const html =
      `<html><head><script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script></head>` +
      `<body><script nonce="${nonce}">${own}</script>` +
      `<script>alert("injected")</script>` +
      `<script nonce="wrong">alert(2)</script>` +
      `<script type="application/ld+json" nonce="${nonce}">{"a":1}</script></body></html>`;
    const out = await hashPageScripts(html, nonce);
    expect(out.scriptHashes).toEqual([sha(own), sha('{"a":1}')]);
    expect(out.scriptHashes).not.toContain(sha('alert("injected")'));
    expect(out.scriptHashes).not.toContain(sha("alert(2)"));
    expect(out.html).not.toContain(nonce);
    expect(out.html).toContain(`<script>${own}</script>`);
    expect(out.html).toContain('<script src="/_next/static/chunks/a.js" async=""></script>');
  });

  it("the cached page's policy lists the hashes, never a nonce or 'unsafe-inline'", () => {
    const csp = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"], https: false });
    const script = /script-src ([^;]*)/.exec(csp)?.[1];
    expect(script).toBe("'self' 'sha256-abc='");
    expect(csp).not.toContain("unsafe-inline'; script");
    expect(script).not.toContain("unsafe-inline");
    expect(nonceOf(contentSecurityPolicy({ nonce: "bm9uY2U=", https: false }))).toBe("bm9uY2U=");
    expect(nonceOf(csp)).toBeNull();
  });

  it("caches only pages drawn from published tables alone", () => {
    for (const p of ["/", "/drones", "/drones/flights", "/cameras", "/plate-readers", "/cso"])
      expect(isCacheablePage(p), p).toBe(true);
    for (const p of ["/updates", "/policies", "/costs", "/council", "/feedback/new", "/signin", "/review", "/api/v1"])
      expect(isCacheablePage(p), p).toBe(false);
    expect(isCacheablePage("/cameras/access-log/abc")).toBe(false);
    expect(isCacheablePage("/drones/flights/xyz")).toBe(false);
  });

  it("never returns a page kept under another publication, and drops the least recently used", async () => {
    const c = new PageCache(2);
    c.set("7", "/a", page("a7"));
    expect(c.get("8", "/a")).toBeUndefined();
    expect(c.get("7", "/a")).toBeUndefined(); // dropped once seen stale
    c.set("8", "/a", page("a"));
    c.set("8", "/b", page("b"));
    c.get("8", "/a");
    c.set("8", "/c", page("c"));
    expect(c.get("8", "/b")).toBeUndefined();
    expect(c.get("8", "/a")).toBeDefined();
    expect(c.size).toBe(2);
    // Concurrent misses render once.
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 5));
      return page("d");
    };
    const [x, y] = await Promise.all([c.fill("8", "/d", render), c.fill("8", "/d", render)]);
    expect(renders).toBe(1);
    expect(x).toBe(y);
    // A page that could not be kept (an error, a redirect) is rendered again next time.
    expect(await c.fill("8", "/e", async () => null)).toBeNull();
    expect(c.get("8", "/e")).toBeUndefined();
  });

  it("a new publication is seen within two periods of the poll", async () => {
    let now = 0;
    let run = "1";
    let reads = 0;
    const poll = new VersionPoll(
      async () => {
        reads++;
        return run;
      },
      2000,
      () => now,
    );
    expect(await poll.current()).toBe("1");
    run = "2";
    now = 1999;
    expect(await poll.current()).toBe("1");
    now = 2500; // stale: answers at once, refreshes behind
    expect(await poll.current()).toBe("1");
    await new Promise((r) => setTimeout(r, 0));
    expect(await poll.current()).toBe("2");
    run = "3";
    now = 10_000; // long stale: waits for the read
    expect(await poll.current()).toBe("3");
    expect(reads).toBe(3);
  });

  it("long stale, it waits for the read only so long, then answers with the last publication it knows", async () => {
    let now = 0;
    let release: (v: string) => void = () => {};
    let first = true;
    const poll = new VersionPoll(
      () => {
        if (first) {
          first = false;
          return Promise.resolve("1");
        }
        // A read held up, as by a publication holding the embedded database's one connection.
        return new Promise<string>((r) => (release = r));
      },
      2000,
      () => now,
      50,
    );
    expect(await poll.current()).toBe("1");
    now = 10_000;
    const t0 = Date.now();
    expect(await poll.current()).toBe("1");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    release("2"); // the publication commits: the read lands
    await new Promise((r) => setTimeout(r, 0));
    expect(await poll.current()).toBe("2");
  });

  it("an unreadable publication means no caching, not an error", async () => {
    const poll = new VersionPoll(async () => {
      throw new Error("db down");
    });
    expect(await poll.current()).toBeNull();
  });
});
