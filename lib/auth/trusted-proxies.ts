// DAYLIGHT_TRUSTED_PROXIES, parsed (see lib/auth/client-ip.ts). Kept apart so lib/env.ts can
// check the setting at start without importing the code that reads the environment.
import { BlockList, isIP } from "node:net";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList };

/** Parses DAYLIGHT_TRUSTED_PROXIES; throws with a plain message when it is malformed. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const s = raw?.trim();
  if (!s) return { kind: "none" };
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    if (hops > 10) throw new Error("DAYLIGHT_TRUSTED_PROXIES: a hop count must be 0 to 10");
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const part of s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [addr, bits, extra] = part.split("/");
    const family = isIP(addr);
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`DAYLIGHT_TRUSTED_PROXIES: "${part}" is not an address or CIDR (e.g. 10.0.0.0/8)`);
    list.addSubnet(addr, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return { kind: "cidrs", list };
}
