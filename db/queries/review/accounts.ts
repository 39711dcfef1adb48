import "server-only";
// Account facts the sign-in pages need (no secrets leave this module).
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { users } from "../../schema";

/** True when demo accounts exist: the sign-in page then says this is a demo. */
export async function hasDemoUsers(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.isDemo, true));
  return Number(row?.n ?? 0) > 0;
}
