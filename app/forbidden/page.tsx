import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-nav";
import { city } from "@/lib/config/city";

export const metadata: Metadata = { title: "Not allowed — Daylight" };

/** Where pages send a signed-in person whose role does not open them. */
export default function ForbiddenPage() {
  return (
    <>
      <SiteHeader cityName={city().name} />
      <main id="main" className="page">
        <h1>You do not have access to this page</h1>
        <p className="lede">
          Your account&apos;s role does not include this part of the portal. If you need it, ask an administrator.
        </p>
        <p>
          <Link href="/">Go to the public site</Link> · <Link href="/signin">Sign in as someone else</Link>
        </p>
      </main>
    </>
  );
}
