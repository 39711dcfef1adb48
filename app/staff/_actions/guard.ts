import "server-only";
// Every staff action starts here: requireRole("staff", "admin") from the DAL, with a refusal
// turned into a form message instead of an error page.
import { AuthError, auditActor, requireRole, type SessionUser } from "@/server/auth/dal";
import type { ActionState } from "@/lib/content/action-state";

export async function requireStaff(): Promise<
  { user: SessionUser; actor: Awaited<ReturnType<typeof auditActor>> } | { state: ActionState }
> {
  try {
    const user = await requireRole("staff", "admin");
    return { user, actor: await auditActor(user) };
  } catch (e) {
    if (e instanceof AuthError) return { state: { ok: false, message: e.message } };
    throw e;
  }
}

export const programSlugs = ["drones", "fixed_cameras", "watch_center", "plate_readers", "cso"] as const;
