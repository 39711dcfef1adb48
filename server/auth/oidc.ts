import "server-only";
// Sign-in through the city's identity provider: it vouches for the person (and their MFA);
// Daylight still decides who has an account and which role.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { appendAudit } from "../audit/log";
import { createSession } from "./sessions";

/** Returns a new session id, or null when no enabled account has this email. */
export async function oidcSignIn(db: DbOrTx, p: { email?: string | null; ip?: string }): Promise<string | null> {
  const email = (p.email ?? "").trim().toLowerCase();
  const [u] = email ? await db.select().from(users).where(eq(users.email, email)) : [];
  if (!u || u.disabledAt) {
    await appendAudit(db, {
      actorType: "user",
      actorLabel: email || "(no email)",
      action: "auth.signin.failure",
      ip: p.ip,
      details: { method: "oidc", reason: u ? "disabled" : "no_account" },
    });
    return null;
  }
  const sid = await createSession(db, { userId: u.id, mfaVerified: true, method: "oidc", ip: p.ip });
  await appendAudit(db, {
    actorType: "user",
    actorId: String(u.id),
    actorLabel: u.name,
    action: "auth.signin.success",
    targetType: "user",
    targetId: String(u.id),
    ip: p.ip,
    details: { method: "oidc" },
  });
  return sid;
}
