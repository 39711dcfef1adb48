import "server-only";
// Server-side sessions: the JWT only names a user_sessions row; this row decides whether the
// session is still good (not revoked, user not disabled, within idle and absolute limits).
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { userSessions, users } from "../../db/schema";
import { isRole, type SessionUser } from "../../lib/auth/roles";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "../../lib/auth/session-limits";

/** lastSeenAt is written at most this often, so every page view is not a write. */
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(
  db: DbOrTx,
  s: {
    userId: number;
    mfaVerified: boolean;
    method?: "password" | "oidc";
    ip?: string | null;
    userAgent?: string | null;
  },
): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.insert(userSessions).values({
    id,
    userId: s.userId,
    mfaVerifiedAt: s.mfaVerified ? new Date() : null,
    method: s.method ?? "password",
    ip: s.ip ?? null,
    userAgent: s.userAgent?.slice(0, 300) ?? null,
  });
  return id;
}

export type SessionState =
  | { ok: true; user: SessionUser; sessionId: string; mfaVerified: boolean }
  | { ok: false; reason: "missing" }
  /** A session that existed and ended: `user` says whose, for the audit of the refused request. */
  | { ok: false; reason: "revoked" | "disabled" | "idle" | "expired"; user: { id: number; name: string } };

/** Checks a session and, when it is good, records activity (for the idle timeout). */
export async function loadSession(
  db: DbOrTx,
  sessionId: string | null | undefined,
  now = new Date(),
): Promise<SessionState> {
  if (!sessionId) return { ok: false, reason: "missing" };
  const [row] = await db
    .select({
      s: userSessions,
      u: { id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt },
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sessionId))
    .limit(1);
  if (!row) return { ok: false, reason: "missing" };
  const who = { id: row.u.id, name: row.u.name };
  if (row.s.revokedAt) return { ok: false, reason: "revoked", user: who };
  if (row.u.disabledAt) return { ok: false, reason: "disabled", user: who };
  if (now.getTime() - row.s.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS)
    return { ok: false, reason: "expired", user: who };
  if (now.getTime() - row.s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return { ok: false, reason: "idle", user: who };
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
  }
  if (!isRole(row.u.role)) return { ok: false, reason: "missing" };
  return {
    ok: true,
    sessionId,
    mfaVerified: row.s.mfaVerifiedAt !== null,
    user: { id: row.u.id, email: row.u.email, name: row.u.name, role: row.u.role },
  };
}

export async function markSessionMfa(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(userSessions).set({ mfaVerifiedAt: new Date() }).where(eq(userSessions.id, sessionId));
}

/** Ends one session; returns its user's id when this call ended it (null if unknown or already ended). */
export async function revokeSession(db: DbOrTx, sessionId: string): Promise<number | null> {
  const [row] = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)))
    .returning({ userId: userSessions.userId });
  return row?.userId ?? null;
}

/** "Sign out everywhere", disabling a user, resetting MFA: every open session ends. Returns how many. */
export async function revokeUserSessions(db: DbOrTx, userId: number, exceptSessionId?: string): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        exceptSessionId ? ne(userSessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}
