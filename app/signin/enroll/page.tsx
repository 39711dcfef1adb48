import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { currentSession } from "@/server/auth/dal";
import { startEnrollment } from "@/server/auth/users";
import { EnrollForm } from "./enroll-form";

export const metadata: Metadata = { title: "Set up two-step sign-in — Daylight" };

export default async function EnrollPage() {
  await connection();
  const s = await currentSession();
  if (!s.ok) redirect("/signin?next=/signin/enroll");
  if (s.mfaVerified) redirect("/signin/continue");
  const { secret, uri } = await startEnrollment(await getDb(), s.user.id);
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
  return (
    <>
      <h1>Set up two-step sign-in</h1>
      <p className="lede">
        Every account that can see the review area signs in with a password and a code from an authenticator app.
      </p>
      <ol>
        <li>
          Open an authenticator app (for example Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP).
        </li>
        <li>
          Scan this code, or type the secret by hand.
          <br />
          {/* A generated data: URL, nothing for next/image to optimize. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={qr}
            width={220}
            height={220}
            alt="QR code holding your two-step sign-in secret (the same secret is written out below)"
          />
          <br />
          Secret: <code data-testid="totp-secret">{secret}</code>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <EnrollForm />
    </>
  );
}
