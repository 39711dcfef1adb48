// Numbers and dates as residents read them, in one place: "1,234", "fewer than 11", "4.5%",
// "3.2 min", "1 min 52 s", "$13,100.50", "March 1, 2026". A null count is one the small-count rule
// suppressed; its wording comes from the rules module, so it follows rules.minCount.
// Every function takes an optional locale ("en", the default, or "es" for the Spanish pages):
// Spanish uses US Spanish conventions ("1,234", "1 de marzo de 2026").
import { rules } from "../publish/rules";
import { SUPPRESSED_LABEL } from "../publish/rules/suppression";
import { dateTimeFormat, numberFormat } from "./intl";

export const SUPPRESSED_TEXT = SUPPRESSED_LABEL;

export type FormatLocale = "en" | "es";
const tag = (locale: FormatLocale) => (locale === "es" ? "es-US" : "en-US");
const suppressedText = (locale: FormatLocale) => (locale === "es" ? `menos de ${rules.minCount}` : SUPPRESSED_TEXT);
/** "not published (too few events)" in the page's language. */
export function notPublishedText(locale: FormatLocale = "en"): string {
  return locale === "es" ? "no publicado (muy pocos eventos)" : "not published (too few events)";
}

/** A published count: null means suppressed; zero is shown as 0. */
export function formatCount(value: number | null | undefined, locale: FormatLocale = "en"): string {
  if (value === null || value === undefined) return suppressedText(locale);
  return numberFormat(tag(locale)).format(value);
}

/** True when any value in the list was suppressed. */
export function anySuppressed(values: Iterable<number | null | undefined>): boolean {
  for (const v of values) if (v === null) return true;
  return false;
}

/** A share between 0 and 1 → "38%", with one decimal under 10% ("4.5%"); null when not published. */
export function formatShare(
  value: number | null | undefined,
  notPublished = "not published (too few events)",
  locale: FormatLocale = "en",
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return notPublished;
  const pct = value * 100;
  const rounded = Math.abs(pct) < 10 ? Math.round(pct * 10) / 10 : Math.round(pct);
  return locale === "es" ? `${numberFormat(tag(locale)).format(rounded)}%` : `${rounded}%`;
}

/** Minutes → "3.2 min"; null when not published. */
export function formatMinutes(
  value: number | null | undefined,
  notPublished = "not published (too few events)",
  locale: FormatLocale = "en",
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return notPublished;
  return locale === "es"
    ? `${numberFormat(tag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} min`
    : `${value.toFixed(1)} min`;
}

/** Seconds → "1 min 52 s", "45 s", "1 h 5 min". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.round(Math.abs(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Cents → "$62,000", or "$13,100.50" when the amount has cents: a record's cents are never rounded away. */
export function formatMoney(cents: number, locale: FormatLocale = "en"): string {
  const c = Math.round(cents);
  return c % 100 === 0
    ? numberFormat(tag(locale), { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(c / 100)
    : numberFormat(tag(locale), { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(c / 100);
}

/** "2026-03-01" → "March 1, 2026" (dates only, no time zone shift). */
export function formatDate(isoDate: string, locale: FormatLocale = "en"): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  return dateTimeFormat(tag(locale), { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Instants as their day in a time zone: "March 1, 2026", or "March 1, 2026 at 2 PM" with the hour. */
export function zonedDayFormat(timeZone: string, locale: FormatLocale = "en", withHour = false): Intl.DateTimeFormat {
  return dateTimeFormat(tag(locale), {
    timeZone,
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(withHour ? { hour: "numeric" } : {}),
  });
}

/** A rate such as events per 1,000 residents → "12.4"; null when not published. */
export function formatRate(
  value: number | null | undefined,
  notPublished = "not published (too few events)",
  locale: FormatLocale = "en",
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return notPublished;
  return numberFormat(tag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
