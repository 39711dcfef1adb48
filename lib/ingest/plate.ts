// Licence plates are never stored in clear: only a keyed HMAC of the normalized plate, so auditors
// can see repeated searches of one plate without anyone reading it back. Never published.
import { createHmac } from "node:crypto";

/** "7abc 123", "7ABC-123" and "7abc123" are one plate. */
export function normalizePlate(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function plateHmac(raw: string, key: string): string | null {
  const plate = normalizePlate(raw);
  if (!plate) return null;
  return createHmac("sha256", key).update(`plate:${plate}`).digest("hex").slice(0, 32);
}
