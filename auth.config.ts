// The part of the next-auth configuration that needs no database: shared by auth.ts and proxy.ts.
import type { NextAuthConfig } from "next-auth";
import { env } from "./lib/env";
import { appSecrets } from "./lib/secrets";
import { ABSOLUTE_TIMEOUT_MS } from "./lib/auth/session-limits";

/** Built per request (lazy), so secrets are read at run time, never at build time. */
export function baseAuthConfig(): NextAuthConfig {
  const secure = env().AUTH_SECURE_COOKIES;
  return {
    secret: appSecrets().authSecret,
    trustHost: true,
    // Unset: Secure cookies exactly when the request came over https (so the local http
    // production server works); HttpOnly and SameSite=Lax are next-auth's defaults.
    useSecureCookies: secure === undefined ? undefined : secure === "true",
    pages: { signIn: "/signin", error: "/signin" },
    // The JWT only names a server-side session (user_sessions); the DAL checks that row on every call.
    session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
  };
}
