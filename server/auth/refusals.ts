import "server-only";
// Refused requests to the signed-in areas are audited (issue 18 point 8): a wrong role, a session
// that was revoked, disabled, idle or expired, a bad export code. Each refusal is one row saying
// who, what and why, up to REFUSALS_PER_WINDOW rows per person and kind in a window; past that
// they are only counted, and the person's next row carries the count of the window before, so a
// flood adds rows at a bounded rate (like refused sign-ins, server/auth/sign-in.ts).
import type { DbOrTx } from "../../db/client";
import { appendAudit, type AuditEntry } from "../audit/log";
import { EventWindows } from "../limits/event-windows";

export const REFUSAL_AUDIT_WINDOW_MS = 10 * 60 * 1000;
export const REFUSALS_PER_WINDOW = 30;

export type Refusal = {
  /** "auth.refused" for a page, action or handler; "export.denied" for a bad export code. */
  action: "auth.refused" | "export.denied";
  user: { id: number; name: string };
  ip?: string;
  /** Why, in a word: "role", "revoked", "disabled", "idle", "expired", "bad_code", "reused_code"… */
  reason: string;
  /** What was asked for: the path, and for exports the dataset. */
  path?: string;
  targetType?: string;
  details?: Record<string, unknown>;
};

const g = globalThis as typeof globalThis & { __daylightRefusalWindows?: EventWindows };
/** The process-wide aggregation of refusals per person and kind. */
export function refusalWindows(): EventWindows {
  g.__daylightRefusalWindows ??= new EventWindows(REFUSAL_AUDIT_WINDOW_MS, REFUSALS_PER_WINDOW);
  return g.__daylightRefusalWindows;
}

/** Audits one refusal unless this person's window is full; returns whether a row was written. */
export async function auditRefusal(
  db: DbOrTx,
  r: Refusal,
  now = new Date(),
  windows = refusalWindows(),
): Promise<boolean> {
  const w = windows.hit(`${r.action}\n${r.user.id}`, now);
  if (!w.write) return false;
  const entry: AuditEntry = {
    actorType: "user",
    actorId: String(r.user.id),
    actorLabel: r.user.name,
    action: r.action,
    targetType: r.targetType ?? (r.path ? "path" : undefined),
    targetId: r.path?.slice(0, 300),
    ip: r.ip,
    details: {
      reason: r.reason,
      ...r.details,
      ...(w.previous
        ? {
            previousWindow: {
              from: w.previous.from.toISOString(),
              refusals: w.previous.count,
              notWrittenOneByOne: w.previous.count - windows.perWindow,
            },
          }
        : {}),
    },
  };
  await appendAudit(db, entry);
  return true;
}
