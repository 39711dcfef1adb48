// The client's address for rate limits and the audit log, taken only from hops we trust.
//
// X-Forwarded-For is written by whoever sends the request, so its left end is worth nothing:
// only entries appended by our own proxies are. DAYLIGHT_TRUSTED_PROXIES says who they are:
//   - a hop count ("1": one proxy in front, e.g. nginx): the client is the entry that many
//     places from the right end;
//   - CIDRs ("10.0.0.0/8, 2001:db8::/32"): walk from the right end past trusted addresses; the
//     first other address is the client.
//   - unset: no proxy. `next start` exposes no socket address to route handlers or actions; it
//     puts the socket address in X-Forwarded-For only when the request has none. So the portal
//     reads the right-most entry: the socket address for a client that sent no header. A client
//     talking straight to `next start` can still choose it by sending one, which is why a
//     deployment must run behind a proxy that overwrites the header, and name it here.
import { isIP } from "node:net";
import { env } from "../env";
import { parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

export { parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

/** A bare address from one X-Forwarded-For entry ("::ffff:1.2.3.4" → "1.2.3.4"), or null. */
function normalize(entry: string): string | null {
  let a = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return isIP(a) ? a.toLowerCase() : null;
}

export function resolveClientIp(h: Headers | null | undefined, trust: TrustedProxies): string | undefined {
  const chain = (h?.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim() !== "");
  if (chain.length === 0) return undefined;
  let i = chain.length - 1;
  if (trust.kind === "hops") i = Math.max(0, chain.length - trust.hops);
  else if (trust.kind === "cidrs") {
    while (i > 0) {
      const a = normalize(chain[i]);
      if (!a || !trust.list.check(a, isIP(a) === 4 ? "ipv4" : "ipv6")) break;
      i--;
    }
  }
  return normalize(chain[i]) ?? undefined;
}

let cached: { raw: string | undefined; trust: TrustedProxies } | undefined;

/** The client's address under the configured trust boundary (undefined when unknown). */
export function clientIp(h: Headers | null | undefined): string | undefined {
  const raw = env().DAYLIGHT_TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustedProxies(raw) };
  return resolveClientIp(h, cached.trust);
}
