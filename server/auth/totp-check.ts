import "server-only";
// A TOTP code is accepted at most once: the step of each accepted code is stored on the user, and
// a code from that step or an earlier one is refused, so an overheard code cannot be replayed.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { matchTotpStep } from "../../lib/auth/totp";

/** "reused_code" is for the audit log only: users are told the same as for a wrong code. */
export type TotpCheck = "ok" | "bad_code" | "reused_code";

export async function acceptTotpCode(
  db: DbOrTx,
  userId: number,
  secret: string,
  code: string,
  at = new Date(),
): Promise<TotpCheck> {
  const step = matchTotpStep(secret, code, at.getTime());
  if (step === null) return "bad_code";
  // Check and record in one statement: of two concurrent requests with the same code, the second
  // waits on the row lock, then finds the step taken and updates nothing.
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length > 0 ? "ok" : "reused_code";
}
