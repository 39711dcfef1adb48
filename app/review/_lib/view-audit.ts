import "server-only";
// Every view of raw records is written to the audit log: who looked at what, with which filters.
import { getDb } from "@/db/client";
import { appendAudit } from "@/server/audit/log";
import { auditActor, type SessionUser } from "@/server/auth/dal";

export async function auditView(
  user: SessionUser,
  what: { targetType: string; targetId?: string; details?: Record<string, unknown> },
) {
  await appendAudit(await getDb(), { ...(await auditActor(user)), action: "review.view", ...what });
}
