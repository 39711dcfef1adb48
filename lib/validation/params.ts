// One place for what any query-string or form value from outside must satisfy before it reaches
// a schema or a query: real calendar dates in a sane range, no NUL or control characters, no
// broken Unicode, bounded length. A failure is a plain sentence for a 400 or a form error.
import { z } from "zod";

/** Dates the portal can hold: anything outside is a typo or a probe, not a real question. */
export const MIN_DATE = "1970-01-01";
export const MAX_DATE = "2099-12-31";
/** Longest single parameter value accepted anywhere (cursors are the longest real ones). */
export const MAX_PARAM_LENGTH = 2000;

/** YYYY-MM-DD that exists on the calendar (no 2026-02-31) and lies within MIN_DATE..MAX_DATE. */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  const real = t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  return real && s >= MIN_DATE && s <= MAX_DATE;
}

export const DATE_MESSAGE = `must be a real date written YYYY-MM-DD, between ${MIN_DATE} and ${MAX_DATE}`;

/** Why a text value is unacceptable, or undefined when it is fine. */
export function textProblem(s: string, max = MAX_PARAM_LENGTH): string | undefined {
  if (s.length > max) return `must be at most ${max} characters`;
  // Tab, CR and LF excepted: form fields may hold them; queries never need any other control character.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) return "must not contain control characters";
  if (!s.isWellFormed()) return "must be valid text (broken Unicode)";
  return undefined;
}

/** A zod string with the checks above. */
export const safeText = (max = MAX_PARAM_LENGTH) => z.string().superRefine(textCheck(max));

/** The same checks, to add to a zod string that already trims or bounds itself. */
export const textCheck =
  (max = MAX_PARAM_LENGTH) =>
  (s: string, ctx: z.RefinementCtx) => {
    const p = textProblem(s, max);
    if (p) ctx.addIssue({ code: "custom", message: p });
  };

/** A zod calendar date (see isCalendarDate); still `format: date` in the OpenAPI document. */
export const calendarDate = (message = DATE_MESSAGE) => z.iso.date({ message }).refine(isCalendarDate, message);

/** Decodes a percent-encoded path segment, or null when it is malformed (e.g. `%FF`, `%E0%A4%A`). */
export function decodeSegment(s: string): string | null {
  try {
    const d = decodeURIComponent(s);
    return textProblem(d) ? null : d;
  } catch {
    return null;
  }
}
