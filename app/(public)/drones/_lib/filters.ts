// The flight log's URL filters, validated: a bad value is reported next to its field and ignored.
import { z } from "zod";
import type { FlightFilters } from "@/db/queries/public/drones";
import { isCalendarDate, MAX_DATE, MIN_DATE } from "@/lib/validation/params";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01")
  .refine(isCalendarDate, `Not a real date (between ${MIN_DATE} and ${MAX_DATE})`);
const slug = z.string().regex(/^[a-z0-9_-]{1,60}$/, "Unknown value");
const fields = {
  from: day,
  to: day,
  category: slug,
  area: slug,
  outcome: z.enum(
    ["cleared_no_patrol", "patrol_dispatched", "arrest", "no_action", "cancelled", "other"],
    "Unknown outcome",
  ),
  linked: z.enum(["yes", "no"], "Choose yes or no"),
} as const;

export function parseFlightFilters(params: Record<string, string>): {
  filters: FlightFilters;
  errors: Record<string, string>;
} {
  const filters: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const v = params[name];
    if (v === undefined) continue;
    const r = schema.safeParse(v);
    if (r.success) filters[name] = r.data;
    else errors[name] = r.error.issues[0]?.message ?? "Invalid value";
  }
  if (filters.from && filters.to && filters.from > filters.to) errors.to = "The end date is before the start date";
  return { filters: filters, errors };
}
