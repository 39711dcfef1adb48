// Step-up check for sensitive operations (raw exports): the user re-enters a current TOTP code.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { verifyTotp } from "./totp";

export async function verifyUserTotp(db: DbOrTx, userId: number, code: string): Promise<boolean> {
  const [u] = await db.select({ secret: users.totpSecret, enabled: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return Boolean(u?.secret && u.enabled && verifyTotp(u.secret, code));
}
