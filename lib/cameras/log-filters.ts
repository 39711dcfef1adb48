// URL filters for the public access log and the plate-reader search log. Invalid values are
// reported back to the form (never a 500); valid ones are passed to the public queries.
import { z } from "zod";
import { isCalendarDate, MAX_DATE, MIN_DATE, safeText } from "../validation/params";
import { ACCESS_REASONS, ALPR_REASONS, OPERATIONS } from "./vocab";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
  .refine(isCalendarDate, `That is not a real date (between ${MIN_DATE} and ${MAX_DATE}).`);
const optional = <T extends z.ZodTypeAny>(s: T) => z.preprocess((v) => (v === "" ? undefined : v), s.optional());

export const accessLogFilters = z.object({
  from: optional(date),
  to: optional(date),
  operation: optional(z.enum(OPERATIONS, "Choose an operation from the list.")),
  reason: optional(z.enum(ACCESS_REASONS, "Choose a reason from the list.")),
  agency: optional(safeText(120)),
  place: optional(safeText(200)),
  user: optional(z.string().regex(/^user-[0-9a-f]{6,32}$/, "A user looks like user-7f3a2b.")),
  linked: optional(z.enum(["yes", "no"], "Choose yes or no.")),
});
export type AccessLogFilters = z.infer<typeof accessLogFilters>;
export const ACCESS_SORTS = ["hour", "place", "user", "agency", "operation", "reason"] as const;
export type AccessSort = (typeof ACCESS_SORTS)[number];

export const searchLogFilters = z.object({
  from: optional(date),
  to: optional(date),
  reason: optional(z.enum(ALPR_REASONS, "Choose a reason from the list.")),
  offense: optional(safeText(60)),
  agency: optional(safeText(120)),
  user: optional(z.string().regex(/^user-[0-9a-f]{6,32}$/, "A user looks like user-7f3a2b.")),
  linked: optional(z.enum(["yes", "no"], "Choose yes or no.")),
});
export type SearchLogFilters = z.infer<typeof searchLogFilters>;
export const SEARCH_SORTS = ["hour", "user", "agency", "reason", "offense", "networks"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Parses the filters that are valid and reports the others by field, so one bad value does not
 * throw away the rest of a shared link. A "from" after "to" is reported on "to".
 */
export function parseFilters<S extends z.ZodObject>(
  schema: S,
  params: Record<string, string>,
): { filters: z.infer<S>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodTypeAny).safeParse(params[name]);
    if (r.success) out[name] = r.data;
    else errors[name] = r.error.issues[0]?.message ?? "Not a valid value.";
  }
  if (typeof out.from === "string" && typeof out.to === "string" && out.from > out.to) {
    errors.to = "The end date is before the start date.";
    delete out.to;
  }
  return { filters: out as z.infer<S>, errors };
}
