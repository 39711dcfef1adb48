"use server";
// User management for administrators, through action(): the admin role, the form's schema, one
// transaction with its audit entries.
import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { action } from "@/server/action";
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
import type { ActionState } from "@/lib/content/action-state";
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

export const manageUserAction = action(
  { roles: ["admin"], schema: manageSchema },
  async (ctx): Promise<ManageState> => {
    const { email, op, role, currentRole, confirm } = ctx.data;
    if (op === "cancel") return { ok: true, message: `Nothing changed for ${email}.` };
    if (op === "set_role" && role && role === currentRole)
      return { ok: false, message: `${email} already has the role ${role}.` };
    if (needsConfirmation(op) && confirm !== "yes")
      return { confirm: { op, role, question: confirmQuestion({ op, email, role, currentRole }) } };
    if (op === "disable") await disableUser(ctx.tx, email, ctx.actor);
    else if (op === "enable") await enableUser(ctx.tx, email, ctx.actor);
    else if (op === "reset_mfa") await resetMfa(ctx.tx, email, ctx.actor);
    else if (op === "set_role") {
      if (!role) return { ok: false, message: "Choose a role." };
      await setRole(ctx.tx, email, role, ctx.actor);
    } else {
      const [u] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
      if (!u) throw new UserError("No such user.");
      const n = await revokeUserSessions(ctx.tx, u.id);
      await ctx.audit({
        action: "user.sign_out_everywhere",
        targetType: "user",
        targetId: String(u.id),
        details: { sessionsEnded: n },
      });
    }
    ctx.afterCommit(() => revalidatePath("/admin"));
    return { ok: true, message: `Done: ${op.replace("_", " ")} for ${email}.` };
  },
);

export const createUserAction = action(
  { roles: ["admin"], schema: createSchema, redact: ["password"] },
  async (ctx): Promise<CreateState> => {
    const u = await createUserPendingEnrollment(ctx.tx, ctx.data, ctx.actor);
    ctx.afterCommit(() => revalidatePath("/admin"));
    return {
      ok: true,
      message:
        `Created ${u.email}. Tell them the temporary password by a separate channel; at their first sign-in ` +
        "they set up their own two-step sign-in by scanning a QR code.",
    };
  },
);
