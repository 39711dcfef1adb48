import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { hasDemoUsers } from "@/db/queries/review/accounts";
import { oidcEnabled, signIn } from "@/auth";
import { SignInForm } from "./sign-in-form";
import { safeNext } from "./safe-next";

export const metadata: Metadata = { title: "Sign in — Daylight" };

const ENDED: Record<string, string> = {
  idle: "You were signed out after 30 minutes without activity.",
  expired: "Sessions last at most 12 hours: please sign in again.",
  revoked: "Your session was ended (signed out everywhere, or by an administrator).",
  disabled: "This account is disabled.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const sp = await searchParams;
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const next = safeNext(one("next"));
  const demo = await hasDemoUsers(await getDb());
  const ended = ENDED[one("ended")];
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">
        For council staff, auditors, community safety staff and administrators. Residents do not need an account:
        everything public is on the open pages.
      </p>
      {demo ? (
        <p className="notice" role="note">
          <strong>Demo:</strong> this portal holds demo data and demo accounts. Their emails, passwords and TOTP secrets
          are printed by <code>daylight seed</code> / <code>npm start</code>.
        </p>
      ) : null}
      {ended ? (
        <p className="notice" role="status">
          {ended}
        </p>
      ) : null}
      {one("signedout") ? (
        <p className="notice" role="status">
          {one("signedout") === "everywhere" ? "You are signed out on every device." : "You are signed out."}
        </p>
      ) : null}
      <SignInForm next={next} />
      {oidcEnabled() ? (
        <form
          action={async () => {
            "use server";
            await signIn("oidc", { redirectTo: `/signin/continue?next=${encodeURIComponent(next)}` });
          }}
        >
          <p>or</p>
          <button type="submit" className="secondary">
            Sign in with the city&apos;s account
          </button>
        </form>
      ) : null}
    </>
  );
}
