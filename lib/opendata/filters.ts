// Building blocks for filter schemas. Query-string values arrive as strings; an empty value
// (a blank form field) means "no filter", exactly as on the pages.
import { z } from "zod";
import { calendarDate, textCheck } from "../validation/params";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const optionalDate = () => z.preprocess(blankToUndefined, calendarDate().optional());

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { message: `must be one of: ${values.join(", ")}` }).optional());

export const optionalText = (max = 100) =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().min(1).max(max, `must be at most ${max} characters`).superRefine(textCheck(max)).optional(),
  );

export const optionalSlug = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9_-]{1,80}$/, "must be lower-case letters, digits, - or _")
      .optional(),
  );

/** "yes"/"no" as on the pages' selects (e.g. linked to a case). */
export const optionalYesNo = () => optionalEnum(["yes", "no"] as const);

/** The end of a date range may not come before its start. */
export function checkRange<T extends { from?: string; to?: string }>(f: T, ctx: z.RefinementCtx): void {
  if (f.from && f.to && f.to < f.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
  }
}
