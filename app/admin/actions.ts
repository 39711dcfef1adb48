"use server";
// User management for administrators. Each action checks the admin role itself.
import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appendAudit } from "@/server/audit/log";
import { AuthError, auditActor, requireRole } from "@/server/auth/dal";
import { ROLES } from "@/lib/auth/roles";
import { revokeUserSessions } from "@/server/auth/sessions";
import {
  createUserPendingEnrollment,
  disableUser,
  enableUser,
  resetMfa,
  setRole,
  UserError,
} from "@/server/auth/users";
import { parseForm, type ActionState } from "@/lib/content/action-state";
import { confirmQuestion, needsConfirmation, type ManageOp } from "@/lib/auth/admin-ops";

export type CreateState = ActionState;
/** A destructive change waits for a second, explicit click; the question says what will happen. */
export type ManageState = ActionState & { confirm?: { op: ManageOp; role?: string; question: string } };

const manageSchema = z.object({
  email: z.string().trim().email(),
  op: z.enum(["disable", "enable", "reset_mfa", "sign_out", "set_role", "cancel"], { error: "Choose an action." }),
  role: z.enum(ROLES, { error: "Choose a role." }).optional(),
  currentRole: z.enum(ROLES).optional(),
  confirm: z.literal("yes").optional(),
});
const createSchema = z.object({
  email: z.string().trim().email("Enter an email address."),
  name: z.string().trim().min(1, "Enter a name.").max(200),
  role: z.enum(ROLES, { message: "Choose a role." }),
  password: z.string().min(12, "At least 12 characters.").max(200),
});

async function asAdmin<T extends ActionState>(
  fn: (actor: Awaited<ReturnType<typeof auditActor>>) => Promise<T>,
): Promise<T | ActionState> {
  try {
    const user = await requireRole("admin");
    return await fn(await auditActor(user));
  } catch (e) {
    if (e instanceof AuthError || e instanceof UserError) return { ok: false, message: e.message };
    throw e;
  }
}

export async function manageUserAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  return asAdmin<ManageState>(async (actor) => {
    const p = parseForm(manageSchema, formData);
    if ("state" in p) return p.state;
    const { email, op, role, currentRole, confirm } = p.data;
    if (op === "cancel") return { ok: true, message: `Nothing changed for ${email}.` };
    if (op === "set_role" && role && role === currentRole)
      return { ok: false, message: `${email} already has the role ${role}.` };
    if (needsConfirmation(op) && confirm !== "yes")
      return { confirm: { op, role, question: confirmQuestion({ op, email, role, currentRole }) } };
    const db = await getDb();
    if (op === "disable") await disableUser(db, email, actor);
    else if (op === "enable") await enableUser(db, email, actor);
    else if (op === "reset_mfa") await resetMfa(db, email, actor);
    else if (op === "set_role") {
      if (!role) return { ok: false, message: "Choose a role." };
      await setRole(db, email, role, actor);
    } else {
      const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
      if (!u) return { ok: false, message: "No such user." };
      await db.transaction(async (tx) => {
        const n = await revokeUserSessions(tx, u.id);
        await appendAudit(tx, {
          ...actor,
          action: "user.sign_out_everywhere",
          targetType: "user",
          targetId: String(u.id),
          details: { sessionsEnded: n },
        });
      });
    }
    revalidatePath("/admin");
    return { ok: true, message: `Done: ${op.replace("_", " ")} for ${email}.` };
  });
}

export async function createUserAction(_prev: CreateState, formData: FormData): Promise<CreateState> {
  return asAdmin(async (actor) => {
    const p = parseForm(createSchema, formData);
    if ("state" in p) return { ...p.state, values: { ...p.state.values, password: "" } };
    const u = await createUserPendingEnrollment(await getDb(), p.data, actor);
    revalidatePath("/admin");
    return {
      ok: true,
      message:
        `Created ${u.email}. Tell them the temporary password by a separate channel; at their first sign-in ` +
        "they set up their own two-step sign-in by scanning a QR code.",
    };
  });
}
