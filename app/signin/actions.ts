"use server";
// Sign-in, sign-out, "sign out everywhere" and TOTP enrollment. The checks themselves live in
// lib/auth (tested alone); these only connect forms to them.
import { AuthError as NextAuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db/client";
import { appendAudit } from "@/server/audit/log";
import { currentSession } from "@/server/auth/dal";
import { clientIp } from "@/lib/auth/client-ip";
import { revokeUserSessions } from "@/server/auth/sessions";
import { endSession } from "@/server/auth/sign-out";
import { confirmEnrollment } from "@/server/auth/users";
import type { ActionState } from "@/lib/content/action-state";
import { headers } from "next/headers";
import { safeNext } from "./safe-next";

export type EnrollState = ActionState & { recoveryCodes?: string[] };

const GENERIC_FAILURE =
  "Sign-in failed. Check your email, password and 6-digit code (each code works once). After five failed attempts in a row, sign-in to the account from your network is paused for 10 minutes.";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(320),
  password: z.string().min(1, "Enter your password.").max(1000),
  code: z.string().trim().max(40).optional().default(""),
  next: z.string().optional().default(""),
});

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION")));
  const parsed = signInSchema.safeParse(raw);
  const text = (v: FormDataEntryValue | undefined) => (typeof v === "string" ? v : "");
  const values = { email: text(raw.email), next: text(raw.next) };
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (errors[String(i.path[0])] ??= []).push(i.message);
    return { ok: false, message: "Please fill in the fields marked below.", errors, values };
  }
  const { email, password, code, next } = parsed.data;
  try {
    await signIn("credentials", {
      email,
      password,
      code,
      redirectTo: `/signin/continue?next=${encodeURIComponent(safeNext(next))}`,
    });
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code.startsWith("rate_limited")) {
      return { ok: false, message: rateLimitMessage(e.code), values };
    }
    if (e instanceof NextAuthError) return { ok: false, message: GENERIC_FAILURE, values };
    throw e; // the redirect after success
  }
  return { ok: true };
}

function rateLimitMessage(code: string): string {
  const [, scope, minutes] = code.split(":");
  const wait = /^\d+$/.test(minutes ?? "") ? `${minutes} minute${minutes === "1" ? "" : "s"}` : "a few minutes";
  if (scope === "account_address")
    return `Too many failed sign-ins to this account from your network, so sign-in is paused here for ${wait}. Signing in from other networks is not affected; if this was not you, tell an administrator.`;
  return `Too many sign-in attempts from your network. Wait ${wait} and try again.`;
}

export async function signOutAction(): Promise<void> {
  const s = await currentSession();
  if (s.ok) await endSession(await getDb(), s.sessionId, clientIp(await headers()));
  await signOut({ redirectTo: "/signin?signedout=1" });
}

/** Ends every session of the signed-in user, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  const s = await currentSession();
  if (s.ok) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      const n = await revokeUserSessions(tx, s.user.id);
      await appendAudit(tx, {
        actorType: "user",
        actorId: String(s.user.id),
        actorLabel: s.user.name,
        action: "user.sign_out_everywhere",
        targetType: "user",
        targetId: String(s.user.id),
        ip: clientIp(await headers()),
        details: { sessionsEnded: n },
      });
    });
  }
  await signOut({ redirectTo: "/signin?signedout=everywhere" });
}

export async function confirmEnrollmentAction(_prev: EnrollState, formData: FormData): Promise<EnrollState> {
  const s = await currentSession();
  if (!s.ok) return { ok: false, message: "Your session ended. Sign in again." };
  const code = z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .safeParse(formData.get("code"));
  if (!code.success)
    return {
      ok: false,
      message: "Enter the 6-digit code from your authenticator app.",
      errors: { code: ["Enter 6 digits."] },
    };
  const codes = await confirmEnrollment(await getDb(), s.user.id, s.sessionId, code.data, clientIp(await headers()));
  if (!codes)
    return {
      ok: false,
      message: "That code did not match. Check the time on your phone and try the newest code.",
      errors: { code: ["The code did not match."] },
    };
  return { ok: true, message: "Two-step sign-in is on.", recoveryCodes: codes };
}
