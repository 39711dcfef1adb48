import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentSession } from "@/server/auth/dal";
import type { Role } from "@/lib/auth/roles";
import { safeNext } from "../safe-next";

const HOME: Record<Role, string> = { council: "/review", auditor: "/review", staff: "/staff", admin: "/admin" };

/** After sign-in: enrollment if the account has no second factor yet, else where the person was going. */
export default async function ContinuePage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await connection();
  const s = await currentSession();
  if (!s.ok) redirect("/signin");
  if (!s.mfaVerified) redirect("/signin/enroll");
  const next = safeNext((await searchParams).next);
  redirect(next || HOME[s.user.role]);
}
