import "server-only";
// The one data-access helper for authorization. Every page, server action and route handler
// that needs a user calls it itself; proxy.ts only redirects early. Revocation, disabled users
// and the idle/absolute timeouts are checked here against user_sessions on every call.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { clientIp } from "../../lib/auth/client-ip";
import type { Role, SessionUser } from "../../lib/auth/roles";
import { auditRefusal } from "./refusals";
import { loadSession, type SessionState } from "./sessions";

export type { Role, SessionUser } from "../../lib/auth/roles";

/** A refusal: route handlers turn it into JSON with this status, actions into an error result. */
export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

/** This request's session, checked against the database once per request. */
export const currentSession = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const sid = (session as { sid?: unknown } | null)?.sid;
  if (typeof sid !== "string") return { ok: false, reason: "missing" };
  return loadSession(await getDb(), sid);
});

/** The signed-in user with a second factor verified, or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const s = await currentSession();
  return s.ok && s.mfaVerified ? s.user : null;
});

/**
 * Audits a refusal of a known person (issue 18 point 8): an ended session or a wrong role. A
 * request with no session at all names nobody and is not written (proxy.ts sends it to sign-in).
 */
async function auditRefused(s: SessionState, roles: Role[]): Promise<void> {
  if (!s.ok && s.reason === "missing") return;
  const h = await headers();
  await auditRefusal(await getDb(), {
    action: "auth.refused",
    user: s.user,
    ip: clientIp(h),
    reason: !s.ok ? s.reason : !s.mfaVerified ? "second_factor_pending" : "role",
    path: h.get("x-daylight-path") ?? undefined,
    details: s.ok ? { role: s.user.role, allowed: roles } : {},
  });
}

/** For server actions and route handlers: the user, or an AuthError (401 signed out, 403 wrong role). */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const s = await currentSession();
  if (!s.ok || !s.mfaVerified) {
    await auditRefused(s, roles);
    throw new AuthError(401, "Sign in (with your two-step code) to continue.");
  }
  if (roles.length > 0 && !roles.includes(s.user.role)) {
    await auditRefused(s, roles);
    throw new AuthError(403, "Your role does not allow this.");
  }
  return s.user;
}

/** For pages: redirects to sign-in (or MFA enrollment) when needed, to /forbidden on a wrong role. */
export async function requireRolePage(...roles: Role[]): Promise<SessionUser> {
  const s = await currentSession();
  const h = await headers();
  const here = h.get("x-daylight-path") ?? "/";
  if (!s.ok) {
    await auditRefused(s, roles);
    redirect(`/signin?next=${encodeURIComponent(here)}${s.reason === "missing" ? "" : `&ended=${s.reason}`}`);
  }
  if (!s.mfaVerified) redirect("/signin/enroll");
  if (roles.length > 0 && !roles.includes(s.user.role)) {
    await auditRefused(s, roles);
    redirect(`/forbidden?from=${encodeURIComponent(here)}`);
  }
  return s.user;
}

/** The request's client address and a description of the user, for audit entries. */
export async function auditActor(user: SessionUser) {
  const ip = clientIp(await headers());
  return { actorType: "user" as const, actorId: String(user.id), actorLabel: user.name, ip };
}

/** Turns an AuthError into the JSON response route handlers return. */
export function authErrorResponse(e: unknown): Response | null {
  if (e instanceof AuthError) return Response.json({ error: e.message }, { status: e.status });
  return null;
}
