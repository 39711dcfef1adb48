// The client address comes only from hops we trust: a forged X-Forwarded-For left end changes
// nothing (it used to be the key of every limit).
import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientIp } from "../../lib/auth/client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("client address under DAYLIGHT_TRUSTED_PROXIES", () => {
  it("no proxy: the right-most entry (what next start wrote from the socket), never the forged left end", () => {
    const none = parseTrustedProxies(undefined);
    expect(resolveClientIp(h("203.0.113.5"), none)).toBe("203.0.113.5");
    expect(resolveClientIp(h("6.6.6.6, 203.0.113.5"), none)).toBe("203.0.113.5");
    expect(resolveClientIp(h(), none)).toBeUndefined();
    expect(resolveClientIp(h("::ffff:203.0.113.5"), none)).toBe("203.0.113.5");
    expect(resolveClientIp(h("not-an-ip"), none)).toBeUndefined();
    expect(resolveClientIp(new Headers({ "x-real-ip": "6.6.6.6" }), none)).toBeUndefined();
  });

  it("a hop count takes the entry that many places from the right", () => {
    const one = parseTrustedProxies("1");
    const two = parseTrustedProxies("2");
    // nginx appended the real client to whatever the client sent.
    expect(resolveClientIp(h("6.6.6.6, 198.51.100.4"), one)).toBe("198.51.100.4");
    // CDN → nginx → portal.
    expect(resolveClientIp(h("6.6.6.6, 198.51.100.4, 10.0.0.2"), two)).toBe("198.51.100.4");
    expect(resolveClientIp(h("198.51.100.4"), two)).toBe("198.51.100.4");
  });

  it("CIDRs: walk left past trusted proxies; the first other address is the client", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32");
    expect(resolveClientIp(h("6.6.6.6, 198.51.100.4, 10.1.2.3, 2001:db8::1"), trust)).toBe("198.51.100.4");
    expect(resolveClientIp(h("10.0.0.1, 10.0.0.2"), trust)).toBe("10.0.0.1");
    expect(resolveClientIp(h("[2001:db9::5]:443, 10.0.0.2"), trust)).toBe("2001:db9::5");
  });

  it("refuses a malformed setting with a plain message", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/not an address or CIDR/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/not an address or CIDR/);
    expect(() => parseTrustedProxies("99")).toThrow(/hop count/);
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
  });
});
