import "server-only";
// Every way out (the portal's button, next-auth's own /api/auth/signout, signOut() anywhere)
// ends the server-side session here, so a copied or left-behind cookie stops working at once.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { appendAudit } from "@/server/audit/log";
import { revokeSession } from "@/server/auth/sessions";

/** Revokes the session and records it; a no-op (no audit entry) when it had already ended. */
export async function endSession(db: DbOrTx, sessionId: string, ip?: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const userId = await revokeSession(tx, sessionId);
    if (userId === null) return false;
    const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
    await appendAudit(tx, {
      actorType: "user",
      actorId: String(userId),
      actorLabel: u?.name,
      action: "auth.signout",
      ip,
    });
    return true;
  });
}
