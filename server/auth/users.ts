import "server-only";
// Account management shared by the CLI (`daylight users …`) and the admin pages. Every change
// is audited in the same transaction as the change.
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { recoveryCodes, users } from "../../db/schema";
import { appendAudit, type AuditEntry } from "../audit/log";
import { hashPassword, passwordProblem } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import { AppError } from "../../lib/errors";
import { markSessionMfa, revokeUserSessions } from "./sessions";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from "../../lib/auth/totp";
import { acceptTotpCode } from "./totp-check";

export type Actor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">;
/** A refused account change, in words for the administrator (e.g. the last active admin). */
export class UserError extends AppError {
  constructor(message: string) {
    super("conflict", message);
    this.name = "UserError";
  }
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  password: string;
  isDemo?: boolean;
  totpSecret?: string;
};
export type CreatedUser = { id: number; email: string; totpSecret: string; totpUri: string; recoveryCodes: string[] };

/** Creates an account with TOTP already enrolled (the operator hands over the URI once): CLI and seed. */
export async function createUser(db: DbOrTx, u: NewUser, actor: Actor): Promise<CreatedUser> {
  const totpSecret = u.totpSecret ?? newTotpSecret();
  const codes = newRecoveryCodes();
  const { id, email } = await insertUser(db, u, actor, { totpSecret, recovery: codes });
  return { id, email, totpSecret, totpUri: totpUri(totpSecret, email), recoveryCodes: codes };
}

/**
 * Creates an account with a temporary password and no second factor: the person enrolls their own
 * authenticator at first sign-in (/signin/enroll), so whoever created the account never sees it.
 */
export async function createUserPendingEnrollment(
  db: DbOrTx,
  u: Omit<NewUser, "totpSecret" | "isDemo">,
  actor: Actor,
): Promise<{ id: number; email: string }> {
  return insertUser(db, u, actor, null);
}

async function insertUser(
  db: DbOrTx,
  u: NewUser,
  actor: Actor,
  mfa: { totpSecret: string; recovery: string[] } | null,
): Promise<{ id: number; email: string }> {
  const email = u.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UserError(`"${u.email}" is not an email address.`);
  if (!u.name.trim()) throw new UserError("A name is required.");
  const problem = passwordProblem(u.password);
  if (problem) throw new UserError(problem);
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (exists) throw new UserError(`A user with email ${email} already exists.`);
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: u.name.trim(),
        role: u.role,
        passwordHash,
        totpSecret: mfa?.totpSecret ?? null,
        totpEnabledAt: mfa ? new Date() : null,
        isDemo: u.isDemo ?? false,
      })
      .returning({ id: users.id });
    if (mfa)
      await tx
        .insert(recoveryCodes)
        .values(mfa.recovery.map((c) => ({ userId: row.id, codeHash: hashRecoveryCode(c) })));
    await appendAudit(tx, {
      ...actor,
      action: "user.create",
      targetType: "user",
      targetId: String(row.id),
      details: { email, role: u.role, demo: u.isDemo ?? false, mfa: mfa ? "enrolled" : "at_first_sign_in" },
    });
    return { id: row.id, email };
  });
}

/**
 * Refuses a change that would lock administrators out: an admin disabling or demoting their own
 * account, or any change that leaves no active admin.
 */
async function guardAdmins(tx: DbOrTx, u: typeof users.$inferSelect, actor: Actor, change: "disable" | "demote") {
  if (u.role !== "admin" || u.disabledAt) return;
  if (actor.actorType === "user" && actor.actorId === String(u.id))
    throw new UserError(
      change === "disable"
        ? "You cannot disable your own account. Ask another administrator."
        : "You cannot remove your own administrator role. Ask another administrator.",
    );
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, u.id)));
  if (others.length === 0)
    throw new UserError(`${u.email} is the last active administrator; make another account an administrator first.`);
}

async function byEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!u) throw new UserError(`No user with email ${email.trim().toLowerCase()}.`);
  return u;
}

/** Disables an account and ends its sessions on their next request. */
export async function disableUser(db: DbOrTx, email: string, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const u = await byEmail(tx, email);
    await guardAdmins(tx, u, actor, "disable");
    await tx
      .update(users)
      .set({ disabledAt: u.disabledAt ?? new Date() })
      .where(eq(users.id, u.id));
    const ended = await revokeUserSessions(tx, u.id);
    await appendAudit(tx, {
      ...actor,
      action: "user.disable",
      targetType: "user",
      targetId: String(u.id),
      details: { email: u.email, sessionsEnded: ended },
    });
    return ended;
  });
}

export async function enableUser(db: DbOrTx, email: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const u = await byEmail(tx, email);
    await tx.update(users).set({ disabledAt: null, failedAttempts: 0, lockedUntil: null }).where(eq(users.id, u.id));
    await appendAudit(tx, {
      ...actor,
      action: "user.enable",
      targetType: "user",
      targetId: String(u.id),
      details: { email: u.email },
    });
  });
}

/** Removes the second factor: the user must enroll again at next sign-in. Ends their sessions. */
export async function resetMfa(db: DbOrTx, email: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const u = await byEmail(tx, email);
    // The last step belonged to the old secret; keeping it could refuse the new one's first code.
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, u.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
    const ended = await revokeUserSessions(tx, u.id);
    await appendAudit(tx, {
      ...actor,
      action: "user.reset_mfa",
      targetType: "user",
      targetId: String(u.id),
      details: { email: u.email, sessionsEnded: ended },
    });
  });
}

export async function setRole(db: DbOrTx, email: string, role: Role, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const u = await byEmail(tx, email);
    if (role !== "admin") await guardAdmins(tx, u, actor, "demote");
    await tx.update(users).set({ role }).where(eq(users.id, u.id));
    await appendAudit(tx, {
      ...actor,
      action: "user.set_role",
      targetType: "user",
      targetId: String(u.id),
      details: { email: u.email, from: u.role, to: role },
    });
  });
}

export async function listUsers(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      mfa: users.totpEnabledAt,
      disabledAt: users.disabledAt,
      lockedUntil: users.lockedUntil,
      isDemo: users.isDemo,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

/** Enrollment step 1: a fresh secret, kept pending until a code from it is confirmed. */
export async function startEnrollment(db: DbOrTx, userId: number): Promise<{ secret: string; uri: string }> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new UserError("No such user.");
  if (u.totpEnabledAt && u.totpSecret) throw new UserError("Two-step sign-in is already set up for this account.");
  const secret = u.totpSecret ?? newTotpSecret();
  if (!u.totpSecret) await db.update(users).set({ totpSecret: secret }).where(eq(users.id, userId));
  return { secret, uri: totpUri(secret, u.email) };
}

/** Enrollment step 2: a valid code turns TOTP on, upgrades this session and ends all others. */
export async function confirmEnrollment(
  db: DbOrTx,
  userId: number,
  sessionId: string,
  code: string,
  ip?: string,
): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId));
    if (!u?.totpSecret || u.totpEnabledAt) return null;
    // Records the step, so the enrollment code cannot also be used to sign in.
    if ((await acceptTotpCode(tx, userId, u.totpSecret, code)) !== "ok") return null;
    const codes = newRecoveryCodes();
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
    await markSessionMfa(tx, sessionId);
    await revokeUserSessions(tx, userId, sessionId);
    await appendAudit(tx, {
      actorType: "user",
      actorId: String(userId),
      actorLabel: u.name,
      action: "user.mfa_enrolled",
      targetType: "user",
      targetId: String(userId),
      ip,
    });
    return codes;
  });
}
