// Plain-words dates and outcomes of published drone flights (figures: lib/rollups.ts).
import { dateTimeFormat } from "@/lib/format/intl";
import type { FormatLocale } from "@/lib/format/numbers";

const tag = (locale: FormatLocale) => (locale === "es" ? "es-US" : "en-US");
const dateFmt = (timeZone: string, locale: FormatLocale = "en") =>
  dateTimeFormat(tag(locale), { timeZone, year: "numeric", month: "short", day: "numeric" });
const dateTimeFmt = (timeZone: string, locale: FormatLocale) =>
  dateTimeFormat(tag(locale), {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });

export function formatDay(d: Date, timeZone: string, locale: FormatLocale = "en"): string {
  return dateFmt(timeZone, locale).format(d);
}

/** A published time: "Nov 3, 2025, 2:00 PM hour" or "Nov 3, 2025 (day only)". */
export function formatPublishedTime(
  d: Date,
  precision: "hour" | "day",
  timeZone: string,
  locale: FormatLocale = "en",
): string {
  if (locale === "es")
    return precision === "day"
      ? `${dateFmt(timeZone, locale).format(d)} (solo el día)`
      : `${dateTimeFmt(timeZone, locale).format(d)} (hora)`;
  return precision === "day"
    ? `${dateFmt(timeZone).format(d)} (day only)`
    : `${dateTimeFmt(timeZone, locale).format(d)} hour`;
}

/** The outcomes a flight can have (their words: the "Drones.outcome" messages). */
export const OUTCOME_LABEL: Record<string, string> = {
  cleared_no_patrol: "Cleared without a patrol unit",
  patrol_dispatched: "Patrol unit sent",
  arrest: "Arrest",
  no_action: "No action needed",
  cancelled: "Cancelled",
  other: "Other",
};
