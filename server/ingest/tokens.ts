import "server-only";
// API tokens for POST /api/ingest: create (shown once), list, revoke, and check a presented token.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { apiTokens } from "../../db/schema";
import { appendAudit, type ActorType } from "../audit/log";
import { hashToken, newToken, sameHash } from "../../lib/ingest/tokens";

export type TokenActor = { actorType: ActorType; actorId?: string; actorLabel: string };
export type ApiToken = typeof apiTokens.$inferSelect;

export async function createToken(db: Db, { name, source }: { name: string; source: string }, actor: TokenActor) {
  const t = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ name, source, tokenHash: t.hash, prefix: t.prefix }).returning();
    await appendAudit(tx, {
      ...actor,
      action: "token.create",
      targetType: "api_token",
      targetId: String(row.id),
      details: { name, source, prefix: t.prefix },
    });
    return { ...row, token: t.token };
  });
}

export async function listTokens(db: DbOrTx): Promise<Omit<ApiToken, "tokenHash">[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      source: apiTokens.source,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.id));
}

/** Returns false when the token does not exist or was already revoked. */
export async function revokeToken(db: Db, id: number, actor: TokenActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, prefix: apiTokens.prefix, name: apiTokens.name });
    if (!row) return false;
    await appendAudit(tx, {
      ...actor,
      action: "token.revoke",
      targetType: "api_token",
      targetId: String(id),
      details: { name: row.name, prefix: row.prefix },
    });
    return true;
  });
}

/** The active token a presented secret belongs to, or null; records when it was last used. */
export async function authenticateToken(db: DbOrTx, token: string): Promise<ApiToken | null> {
  const hash = hashToken(token);
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash)).limit(1);
  if (!row || row.revokedAt || !sameHash(row.tokenHash, hash)) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return row;
}
