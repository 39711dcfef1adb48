// Whole public pages kept between publications, under a hash-based CSP (issue 23.1).
//
// A nonce must be fresh on every response, so HTML carrying one cannot be served twice. A page that
// is the same for every visitor until the next publication is rendered once per publication with a
// nonce of its own (that render's policy, never sent to a reader); the scripts Next wrote with that
// nonce are exactly the page's own, so their SHA-256 hashes replace the nonce in the policy the
// cached copy is served with. A script that is not Next's (injected markup) carried no nonce, gets
// no hash, and stays blocked, as under the nonce policy. Next's chunks are files under 'self'.
// Pure: the proxy (proxy.ts) does the HTTP, this module the text and the bookkeeping.

/** The nonce in a Content-Security-Policy's script-src, if any. */
export function nonceOf(csp: string | null | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp ?? "")?.[1] ?? null;
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

export type HashedPage = {
  /** The HTML without the render's nonce attributes. */
  html: string;
  /** `'sha256-…'` sources for the inline scripts that carried the render's nonce, in page order. */
  scriptHashes: string[];
};

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The page's own inline scripts hashed, and the render's nonce taken out of the markup. */
export async function hashPageScripts(html: string, nonce: string): Promise<HashedPage> {
  const attr = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1];
    if (!attrs.includes(attr) || /\bsrc\s*=/i.test(attrs)) continue;
    hashes.add(`'sha256-${await sha256Base64(m[2])}'`);
  }
  return { html: html.split(attr).join(""), scriptHashes: [...hashes] };
}

/**
 * Public pages whose every figure comes from published tables (so they change only when a
 * publication commits) and that show nothing per visitor. Staff-written content (updates, policies,
 * costs, council), record pages (a complaint's status changes without a publication), forms and
 * sign-in are rendered per request.
 */
const CACHEABLE = /^\/(|drones|drones\/flights|cameras|cameras\/access-log|plate-readers|cso|findings)$/;

export function isCacheablePage(pathname: string): boolean {
  return CACHEABLE.test(pathname);
}

export type CachedPage = {
  status: number;
  body: Uint8Array;
  headers: [string, string][];
  scriptHashes: string[];
  /** A digest of the body (pageId): the production server keeps the page's compressed bytes under it. */
  id: string;
};

/** The header that marks a page served from the cache ("hit"). */
export const PAGE_CACHE_HEADER = "x-daylight-cache";

/** The header a cached page's id travels in, from the proxy to the server's compression (scripts/compress-once.mjs), which removes it. */
export const PAGE_ID_HEADER = "x-daylight-page";

/** A page body's id: its SHA-256, base64url. */
export async function pageId(body: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", body as Uint8Array<ArrayBuffer>);
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Least recently used first out; entries of an older publication are never returned. */
export class PageCache {
  private entries = new Map<string, { version: string; page: CachedPage }>();
  private filling = new Map<string, Promise<CachedPage | null>>();

  constructor(
    private readonly maxEntries = 300,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  private bytes = 0;

  get size(): number {
    return this.entries.size;
  }

  get(version: string, key: string): CachedPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.version !== version) {
      this.bytes -= e.page.body.byteLength;
      return undefined;
    }
    this.entries.set(key, e);
    return e.page;
  }

  set(version: string, key: string, page: CachedPage): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.page.body.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, { version, page });
    this.bytes += page.body.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [k, e] = this.entries.entries().next().value!;
      this.entries.delete(k);
      this.bytes -= e.page.body.byteLength;
    }
  }

  /** One render per key and version at a time: concurrent misses wait for the same fill. */
  fill(version: string, key: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
    const id = `${version}\n${key}`;
    const running = this.filling.get(id);
    if (running) return running;
    const p = render()
      .then((page) => {
        if (page) this.set(version, key, page);
        return page;
      })
      .finally(() => this.filling.delete(id));
    this.filling.set(id, p);
    return p;
  }
}

/**
 * The publication id as last read, re-read in the background once it is `maxAgeMs` old (every
 * instance notices a new publication within that time plus one read); the first call waits.
 */
export class VersionPoll {
  private value: string | null = null;
  private readAt = -Infinity;
  private running: Promise<string | null> | null = null;

  constructor(
    private readonly read: () => Promise<string | null>,
    private readonly maxAgeMs = 2000,
    private readonly now: () => number = () => Date.now(),
    private readonly patienceMs = 1000,
  ) {}

  async current(): Promise<string | null> {
    const age = this.now() - this.readAt;
    if (age < this.maxAgeMs) return this.value;
    const refresh = (this.running ??= this.read()
      .then((v) => {
        this.value = v;
        this.readAt = this.now();
        return v;
      })
      .catch(() => {
        // Unknown: serve uncached until a read succeeds.
        this.value = null;
        this.readAt = this.now();
        return null;
      })
      .finally(() => {
        this.running = null;
      }));
    // Stale by less than twice the period: answer with what we have while it refreshes.
    if (this.value !== null && age < 2 * this.maxAgeMs) return this.value;
    if (this.value === null) return refresh;
    // Longer: wait for the read, but not past `patienceMs`. On the embedded database a step of a
    // publication (one dataset's build, or the swap) holds the one connection, so the read may wait
    // for it; meanwhile the pages of the publication being served come from memory instead of
    // waiting too. The read lands as soon as the step ends.
    const known = this.value;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(known), this.patienceMs);
    });
    try {
      return await Promise.race([refresh, patience]);
    } finally {
      clearTimeout(timer);
    }
  }
}
