// next-auth: email + password + TOTP (Credentials), and the city's OIDC provider when configured.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { baseAuthConfig } from "./auth.config";
import { getDb } from "./db/client";
import { env } from "./lib/env";
import { clientIp } from "./lib/auth/client-ip";
import { oidcSignIn } from "./server/auth/oidc";
import { createSession } from "./server/auth/sessions";
import { verifyCredentials } from "./server/auth/sign-in";
import { endSession } from "./server/auth/sign-out";

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
  code: z.string().trim().max(40).optional().default(""),
});

/** code: "rate_limited:<scope>:<minutes>", read by the sign-in action to explain what happened. */
class RateLimited extends CredentialsSignin {
  constructor(scope: string, retryAfterSec: number) {
    super();
    this.code = `rate_limited:${scope}:${Math.max(1, Math.ceil(retryAfterSec / 60))}`;
  }
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: {
        email: { label: "Email" },
        password: { label: "Password", type: "password" },
        code: { label: "Code" },
      },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const ip = clientIp(request.headers);
        const r = await verifyCredentials(db, parsed.data, { ip });
        if (!r.ok) {
          if (r.reason === "rate_limited") throw new RateLimited(r.scope, r.retryAfterSec);
          return null;
        }
        const sid = await createSession(db, {
          userId: r.user.id,
          mfaVerified: r.mfaVerified,
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        return { id: String(r.user.id), email: r.user.email, name: r.user.name, sid };
      },
    }),
  ];
  const e = env();
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET) {
    list.push({
      id: "oidc",
      name: "City sign-in",
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth((request): NextAuthConfig => {
  const base = baseAuthConfig();
  return {
    ...base,
    providers: providers(),
    events: {
      // next-auth only clears the cookie; the server-side session must end too, whichever
      // route signed out (POST /api/auth/signout included).
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string")
          await endSession(await getDb(), sid, request ? clientIp(request.headers) : undefined);
      },
    },
    callbacks: {
      ...base.callbacks,
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc") {
          // Only existing, enabled Daylight accounts; the city's IdP enforces its own MFA.
          const sid = await oidcSignIn(await getDb(), {
            email: profile?.email ?? user?.email,
            ip: request ? clientIp(request.headers) : undefined,
          });
          if (!sid) return null;
          token.sid = sid;
          return token;
        }
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
    },
  };
});

export function oidcEnabled(): boolean {
  const e = env();
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET);
}
