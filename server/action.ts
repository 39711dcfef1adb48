import "server-only";
// The one wrapper every server action goes through: the role check, the form's zod parse, one
// transaction for the change and its audit entry, and errors turned into a form message. A
// refusal is an AppError with a plain message; anything else is logged and shown as "nothing
// was changed" (the transaction rolled back).
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb, type DbOrTx } from "../db/client";
import { AppError, UNEXPECTED_MESSAGE } from "../lib/errors";
import type { Role, SessionUser } from "../lib/auth/roles";
import { formValues, parseForm, type ActionState } from "../lib/content/action-state";
import { appendAudit, type AuditEntry } from "./audit/log";
import { AuthError, auditActor, requireRole } from "./auth/dal";

export type Actor = Awaited<ReturnType<typeof auditActor>>;

export type ActionContext<D> = {
  data: D;
  user: SessionUser;
  actor: Actor;
  /** The transaction the change runs in; its audit entries commit or roll back with it. */
  tx: DbOrTx;
  /** Appends an audit entry by this user, in the same transaction. */
  audit(entry: Omit<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">): Promise<void>;
  formData: FormData;
};

type Options<S extends z.ZodType> = { roles: readonly Role[]; schema: S };

export function action<S extends z.ZodType, R extends ActionState = ActionState>(
  opts: Options<S>,
  fn: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
): (prev: unknown, formData: FormData) => Promise<R | ActionState> {
  return async (_prev, formData) => {
    try {
      const user = await requireRole(...opts.roles);
      const parsed = parseForm(opts.schema, formData);
      if ("state" in parsed) return parsed.state;
      const actor = await auditActor(user);
      const db = await getDb();
      return await db.transaction((tx) =>
        fn({
          data: parsed.data,
          user,
          actor,
          tx,
          formData,
          audit: (entry) => appendAudit(tx, { ...actor, ...entry }),
        }),
      );
    } catch (e) {
      unstable_rethrow(e); // redirect() and notFound() are not errors
      return failureState(e, formData);
    }
  };
}

/** The form message for an error: the AppError's own words, or the generic one (cause logged). */
export function failureState(e: unknown, formData?: FormData): ActionState {
  const values = formData ? formValues(formData) : undefined;
  if (e instanceof AppError || e instanceof AuthError) return { ok: false, message: e.message, values };
  console.error("server action failed:", e);
  return { ok: false, message: UNEXPECTED_MESSAGE, values };
}
