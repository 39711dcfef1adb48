// Portal roles and what each may do. Plain data, shared by the DAL, the CLI and pages.
import { USER_ROLES, type UserRole } from "../vocab";

export const ROLES = USER_ROLES;
export type Role = UserRole;

export const ROLE_LABELS: Record<Role, string> = {
  staff: "Community safety staff (publishes content, runs imports)",
  council: "Council staff (reviews raw records)",
  auditor: "Auditor (reviews and closes findings)",
  admin: "Administrator (manages users)",
};

/** Who may see raw records in the review area. */
export const REVIEW_ROLES = ["council", "auditor"] as const satisfies readonly Role[];
/** Who may close findings and read the audit log. */
export const AUDITOR_ROLES = ["auditor"] as const satisfies readonly Role[];

export type SessionUser = { id: number; email: string; name: string; role: Role };

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}
