import "server-only";
// The one wrapper every server action goes through: the role check, the form's zod parse, one
// transaction for the change and its audit entry, and errors turned into a form message. A
// refusal is an AppError with a plain message; anything else is logged and shown as "nothing
// was changed" (the transaction rolled back).
import { redirect, unstable_rethrow } from "next/navigation";
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
  /** Runs after the transaction commits (revalidation, publication, a redirect), never on rollback. */
  afterCommit(fn: () => unknown): void;
};

/** What a public action (no account: a resident's form) gets: no user, no audit actor. */
export type PublicActionContext<D> = Pick<ActionContext<D>, "data" | "tx" | "formData" | "afterCommit">;

/** `redact`: fields never sent back to the form (passwords), whatever the outcome. */
type RoleOptions<S extends z.ZodType> = { roles: readonly [Role, ...Role[]]; schema: S; redact?: readonly string[] };
type PublicOptions<S extends z.ZodType> = { public: true; schema: S; redact?: readonly string[] };

export function action<S extends z.ZodType, R extends ActionState = ActionState>(
  opts: RoleOptions<S>,
  fn: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
): (prev: unknown, formData: FormData) => Promise<R | ActionState>;
export function action<S extends z.ZodType, R extends ActionState = ActionState>(
  opts: PublicOptions<S>,
  fn: (ctx: PublicActionContext<z.infer<S>>) => Promise<R>,
): (prev: unknown, formData: FormData) => Promise<R | ActionState>;
export function action<S extends z.ZodType, R extends ActionState>(
  opts: RoleOptions<S> | PublicOptions<S>,
  fn: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
): (prev: unknown, formData: FormData) => Promise<R | ActionState> {
  // An empty role list must never quietly mean "anyone": that is said with `public: true`.
  const isPublic = "public" in opts && opts.public === true;
  const roles = "roles" in opts ? opts.roles : [];
  if (!isPublic && roles.length === 0) throw new Error("action(): give the roles allowed, or public: true");
  const redact = (state: ActionState): ActionState =>
    state.values && opts.redact?.length
      ? { ...state, values: { ...state.values, ...Object.fromEntries(opts.redact.map((k) => [k, ""])) } }
      : state;
  return async (_prev, formData) => {
    try {
      const user = isPublic ? null : await requireRole(...roles);
      const parsed = parseForm(opts.schema, formData);
      if ("state" in parsed) return redact(parsed.state);
      const actor = user ? await auditActor(user) : null;
      const db = await getDb();
      const after: Array<() => unknown> = [];
      const result = await db.transaction((tx) =>
        fn({
          data: parsed.data,
          // A public action's context has no user or actor (see the overload); these stay unread.
          user: user as SessionUser,
          actor: actor as Actor,
          tx,
          formData,
          audit: (entry) => {
            if (!actor) throw new Error("a public action writes no audit entry by a user");
            return appendAudit(tx, { ...actor, ...entry });
          },
          afterCommit: (f) => void after.push(f),
        }),
      );
      for (const f of after) await f();
      return result;
    } catch (e) {
      unstable_rethrow(e); // redirect() and notFound() are not errors
      return redact(failureState(e, formData));
    }
  };
}

/** Redirects after the change committed (a redirect inside the transaction would roll it back). */
export function redirectAfterCommit(ctx: { afterCommit(fn: () => unknown): void }, href: string): void {
  ctx.afterCommit(() => redirect(href));
}

/** The form message for an error: the AppError's own words, or the generic one (cause logged). */
export function failureState(e: unknown, formData?: FormData): ActionState {
  const values = formData ? formValues(formData) : undefined;
  if (e instanceof AppError || e instanceof AuthError) return { ok: false, message: e.message, values };
  console.error("server action failed:", e);
  return { ok: false, message: UNEXPECTED_MESSAGE, values };
}
