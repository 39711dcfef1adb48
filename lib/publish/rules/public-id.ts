// Stable public ids for permalinks: a keyed hash of (source, external id), so a record's URL
// stays the same across publications and reveals neither its database id nor its vendor id.
import { createHash, createHmac, type Hash } from "node:crypto";

export function publicId(prefix: string, source: string, externalId: string, key: string): string {
  checkKey(key);
  const h = createHmac("sha256", key).update(`${prefix}\u0000${source}\u0000${externalId}`).digest("base64url");
  return shorten(prefix, h);
}

/**
 * publicId for many records under one prefix and key: HMAC-SHA256 with the key's two padded
 * blocks hashed once and copied per record, instead of set up again for each of 300,000 flights.
 */
export function publicIdMaker(prefix: string, key: string): (source: string, externalId: string) => string {
  const { ipad, opad } = hmacPads(key);
  const inner: Hash = createHash("sha256").update(ipad);
  const outer: Hash = createHash("sha256").update(opad);
  return (source, externalId) => {
    const digest = inner.copy().update(`${prefix}\u0000${source}\u0000${externalId}`).digest();
    return shorten(prefix, outer.copy().update(digest).digest("base64url"));
  };
}

/** HMAC-SHA256's two padded key blocks (RFC 2104), for building the MAC from plain SHA-256. */
export function hmacPads(key: string): { ipad: Buffer; opad: Buffer } {
  checkKey(key);
  let k = Buffer.from(key, "utf8");
  if (k.length > 64) k = createHash("sha256").update(k).digest();
  const block = Buffer.alloc(64);
  k.copy(block);
  return { ipad: Buffer.from(block.map((b) => b ^ 0x36)), opad: Buffer.from(block.map((b) => b ^ 0x5c)) };
}

function checkKey(key: string): void {
  if (!key || key.length < 16) throw new Error("the public id key must be at least 16 characters");
}

const shorten = (prefix: string, mac: string) => `${prefix}-${mac.replace(/[-_]/g, "").slice(0, 12).toLowerCase()}`;

export const PUBLIC_ID_PATTERN = /^[a-z]+-[a-z0-9]{12}$/;
