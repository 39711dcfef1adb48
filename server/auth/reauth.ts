import "server-only";
// Step-up check for sensitive operations (raw exports): the user re-enters a TOTP code, which
// must be newer than the last one they used (see totp-check.ts).
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { acceptTotpCode, type TotpCheck } from "./totp-check";

export async function verifyUserTotp(
  db: DbOrTx,
  userId: number,
  code: string,
  at = new Date(),
): Promise<TotpCheck | "not_enrolled"> {
  const [u] = await db
    .select({ secret: users.totpSecret, enabled: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!u?.secret || !u.enabled) return "not_enrolled";
  return acceptTotpCode(db, userId, u.secret, code, at);
}
