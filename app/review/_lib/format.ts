// Dates in the city's time zone, and URL filter values parsed leniently (bad input → no filter).
import { dateTimeFormat } from "@/lib/format/intl";
import { z } from "zod";
import { city } from "@/lib/config/city";

export function fmtDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return dateTimeFormat("en-US", { timeZone: city().timeZone, dateStyle: "medium", timeStyle: "short" }).format(
    new Date(d),
  );
}

export function fmtTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return dateTimeFormat("en-US", { timeZone: city().timeZone, timeStyle: "short" }).format(new Date(d));
}

export function fmtDay(d: Date | string): string {
  return dateTimeFormat("en-CA", {
    timeZone: city().timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(d));
}

/** Midnight at the start of a YYYY-MM-DD day in the city's time zone. */
export function cityMidnight(day: string): Date {
  const tz = city().timeZone;
  const guess = new Date(`${day}T00:00:00Z`);
  const parts = dateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asLocal = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"));
  return new Date(guess.getTime() - (asLocal - guess.getTime()));
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.coerce.number().int().positive();

/** The filters a review list accepts from its URL, with a message for each bad one. */
export function parseCommon(p: Record<string, string>) {
  const errors: Record<string, string> = {};
  const from = p.from ? day.safeParse(p.from) : null;
  const to = p.to ? day.safeParse(p.to) : null;
  if (from && !from.success) errors.from = "Use a date like 2026-03-01.";
  if (to && !to.success) errors.to = "Use a date like 2026-03-31.";
  const toDate = to?.success ? cityMidnight(to.data) : undefined;
  return {
    errors,
    from: from?.success ? cityMidnight(from.data) : undefined,
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
