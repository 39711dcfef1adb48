// Per-source API tokens: random, shown once, stored only as a SHA-256 hash (a token has 256 bits
// of entropy, so a fast hash is enough — no password-style stretching needed). The prefix stays
// readable so operators can tell tokens apart in `daylight tokens list` and the audit log.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "dl_";

export function newToken(): { token: string; prefix: string; hash: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX.length + 8), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeToken(s: string): boolean {
  return /^dl_[A-Za-z0-9_-]{43}$/.test(s);
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token from an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m && looksLikeToken(m[1]) ? m[1] : null;
}
