// Secrets the portal needs (session signing, pseudonym key, audit-chain key). Production sets them in the
// environment; on a zero-setup machine they are generated once into the data directory.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

export type AppSecrets = { authSecret: string; pseudonymKey: string; auditKey: string };

let cached: AppSecrets | undefined;

export function appSecrets(): AppSecrets {
  if (cached) return cached;
  const e = env();
  if (e.AUTH_SECRET && e.DAYLIGHT_PSEUDONYM_KEY && e.DAYLIGHT_AUDIT_KEY) {
    cached = { authSecret: e.AUTH_SECRET, pseudonymKey: e.DAYLIGHT_PSEUDONYM_KEY, auditKey: e.DAYLIGHT_AUDIT_KEY };
    return cached;
  }
  const file = path.resolve(/*turbopackIgnore: true*/ e.DAYLIGHT_DATA_DIR, "secrets.json");
  let stored: Partial<AppSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as Partial<AppSecrets>;
  } catch {
    /* first start */
  }
  const next: AppSecrets = {
    authSecret: e.AUTH_SECRET ?? stored.authSecret ?? randomBytes(32).toString("base64url"),
    pseudonymKey: e.DAYLIGHT_PSEUDONYM_KEY ?? stored.pseudonymKey ?? randomBytes(32).toString("base64url"),
    auditKey: e.DAYLIGHT_AUDIT_KEY ?? stored.auditKey ?? randomBytes(32).toString("base64url"),
  };
  if (
    next.authSecret !== stored.authSecret ||
    next.pseudonymKey !== stored.pseudonymKey ||
    next.auditKey !== stored.auditKey
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  }
  cached = next;
  return cached;
}
