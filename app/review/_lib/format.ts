// Review pages: dates and times on the city's clock ("—" when there is none; lib/time does the
// work), and URL filter values parsed leniently (bad input → no filter).
import { z } from "zod";
import { city } from "@/lib/config/city";
import { formatClockTime, formatInstant, localDate, startOfLocalDay } from "@/lib/time";

type When = Date | string | null | undefined;

export function fmtDateTime(d: When): string {
  return d ? formatInstant(new Date(d), city().timeZone) : "—";
}

export function fmtTime(d: When): string {
  return d ? formatClockTime(new Date(d), city().timeZone) : "—";
}

/** "YYYY-MM-DD" on the city's calendar. */
export function fmtDay(d: Date | string): string {
  return localDate(new Date(d), city().timeZone);
}

// A real calendar date: "2026-02-31" or "2026-13-01" gets the message, not a rolled-over or failing day.
const day = z.iso.date();
const id = z.coerce.number().int().positive();

/** The filters a review list accepts from its URL, with a message for each bad one. */
export function parseCommon(p: Record<string, string>) {
  const errors: Record<string, string> = {};
  const from = p.from ? day.safeParse(p.from) : null;
  const to = p.to ? day.safeParse(p.to) : null;
  if (from && !from.success) errors.from = "Use a date like 2026-03-01.";
  if (to && !to.success) errors.to = "Use a date like 2026-03-31.";
  const toDate = to?.success ? startOfLocalDay(to.data, city().timeZone) : undefined;
  return {
    errors,
    from: from?.success ? startOfLocalDay(from.data, city().timeZone) : undefined,
    // "to" is inclusive: up to the end of that day.
    to: toDate ? new Date(toDate.getTime() + 24 * 3600 * 1000) : undefined,
    q: p.q ? p.q.slice(0, 100) : undefined,
  };
}

export function idParam(v: string | undefined): number | undefined {
  const r = id.safeParse(v);
  return r.success ? r.data : undefined;
}

export function enumParam<T extends string>(v: string | undefined, values: readonly T[]): T | undefined {
  return v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function humanize(s: string | null | undefined): string {
  if (!s) return "—";
  const t = s.replace(/_/g, " ");
  return t.charAt(0).toUpperCase() + t.slice(1);
}
