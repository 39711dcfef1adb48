import "server-only";
// The one wrapper for route handlers that need a signed-in role: the role check, and every
// refusal as `{ error, code }` with the AppError's status; anything unexpected is logged and
// answered 500 with a plain sentence, never a stack trace or SQL.
import { unstable_rethrow } from "next/navigation";
import { AppError, UNEXPECTED_MESSAGE, errorBody } from "../lib/errors";
import type { Role, SessionUser } from "../lib/auth/roles";
import { AuthError, requireRole } from "./auth/dal";

export type RouteContext = { user: SessionUser };

export function route<A extends unknown[]>(
  opts: { roles: readonly Role[] },
  fn: (req: Request, ctx: RouteContext, ...rest: A) => Promise<Response>,
): (req: Request, ...rest: A) => Promise<Response> {
  return async (req, ...rest) => {
    try {
      const user = await requireRole(...opts.roles);
      return await fn(req, { user }, ...rest);
    } catch (e) {
      unstable_rethrow(e);
      return errorResponse(e);
    }
  };
}

/** A refused or failed request as JSON, one body shape everywhere. */
export function errorResponse(
  e: unknown,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  if (e instanceof AuthError) {
    const code = e.status === 401 ? "unauthorized" : "forbidden";
    return Response.json(errorBody(new AppError(code, e.message), details), { status: e.status, headers });
  }
  if (e instanceof AppError) {
    if (e.status >= 500) console.error("route failed:", e.cause ?? e);
    return Response.json(errorBody(e, details), { status: e.status, headers });
  }
  console.error("route failed:", e);
  return Response.json({ ...details, error: UNEXPECTED_MESSAGE, code: "internal" }, { status: 500, headers });
}
