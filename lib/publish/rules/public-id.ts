// Stable public ids for permalinks: a keyed hash of (source, external id), so a record's URL
// stays the same across publications and reveals neither its database id nor its vendor id.
import { createHmac } from "node:crypto";

export function publicId(prefix: string, source: string, externalId: string, key: string): string {
  if (!key || key.length < 16) throw new Error("the public id key must be at least 16 characters");
  const h = createHmac("sha256", key).update(`${prefix}\u0000${source}\u0000${externalId}`).digest("base64url");
  return `${prefix}-${h.replace(/[-_]/g, "").slice(0, 12).toLowerCase()}`;
}

export const PUBLIC_ID_PATTERN = /^[a-z]+-[a-z0-9]{12}$/;
