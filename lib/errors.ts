// The one error type the app raises on purpose: a code that fixes the HTTP status, and a plain
// message safe to show the person who caused it. Anything else is a bug: logged, never shown.
export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** The body every route handler sends for a refused request: `{ error, code }` plus details. */
export type ErrorBody = { error: string; code: ErrorCode } & Record<string, unknown>;

export function errorBody(e: AppError, details: Record<string, unknown> = {}): ErrorBody {
  return { ...details, error: e.message, code: e.code };
}

/** The message a person sees for an error we did not expect (the cause goes to the log only). */
export const UNEXPECTED_MESSAGE =
  "Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, tell the portal's administrator.";
