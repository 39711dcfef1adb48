// Plain-words dates and outcomes of published drone flights (figures: lib/rollups.ts).
import { dateTimeFormat } from "@/lib/format/intl";
import type { FormatLocale } from "@/lib/format/numbers";

const dateFmt = (timeZone: string, locale: FormatLocale = "en") =>
  dateTimeFormat(locale === "es" ? "es-US" : "en-US", { timeZone, year: "numeric", month: "short", day: "numeric" });
const dateTimeFmt = (timeZone: string) =>
  dateTimeFormat("en-US", {
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

/** A published time: "Nov 3, 2025, 2:00 PM (hour)" or "Nov 3, 2025 (day only)". */
export function formatPublishedTime(d: Date, precision: "hour" | "day", timeZone: string): string {
  return precision === "day" ? `${dateFmt(timeZone).format(d)} (day only)` : `${dateTimeFmt(timeZone).format(d)} hour`;
}

export const OUTCOME_LABEL: Record<string, string> = {
  cleared_no_patrol: "Cleared without a patrol unit",
  patrol_dispatched: "Patrol unit sent",
  arrest: "Arrest",
  no_action: "No action needed",
  cancelled: "Cancelled",
  other: "Other",
};

export function outcomeText(o: string | null): string {
  return o === null ? "not published (sensitive call)" : (OUTCOME_LABEL[o] ?? o);
}
