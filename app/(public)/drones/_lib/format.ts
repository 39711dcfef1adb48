// Plain-words formatting for published drone figures.
import { dateTimeFormat } from "@/lib/format/intl";
import { formatCount, formatMinutes, formatShare, notPublishedText, type FormatLocale } from "@/lib/format/numbers";

export type Figure = { value: number | null; suppressed: boolean } | undefined;

/** Minutes of a drone figure; "not published (too few flights)" when the rules withheld it. */
export function minutes(v: number | null | undefined, notPublished = "not published (too few flights)"): string {
  return formatMinutes(v, notPublished);
}

export function figureText(f: Figure, kind: "count" | "share" | "minutes", locale: FormatLocale = "en"): string {
  if (locale === "es") {
    if (!f) return "aún no publicado";
    if (kind === "count") return formatCount(f.suppressed ? null : f.value, "es");
    if (kind === "share") return formatShare(f.value, notPublishedText("es"), "es");
    return formatMinutes(f.value, "no publicado (muy pocos vuelos)", "es");
  }
  if (!f) return "not yet published";
  if (kind === "count") return formatCount(f.suppressed ? null : f.value);
  if (kind === "share") return formatShare(f.value);
  return minutes(f.value);
}

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
