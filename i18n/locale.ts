// Which language a request is served in, without URL prefixes (the routes stay as they are, so
// every page keeps its address): an explicit `?lang=es|en` first (each language has its own
// shareable URL, which the hreflang links point to), then the `lang` cookie the language switch
// sets, then the browser's Accept-Language, then English. Staff areas stay English.
// Pure (no Next imports) so it can be unit-tested.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
/** The cookie the language switch sets. */
export const LOCALE_COOKIE = "lang";
/** The query parameter that names a language in a shareable URL. */
export const LOCALE_QUERY = "lang";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (locales as readonly string[]).includes(v);
}

/** The best supported language for an Accept-Language header, or null when none is acceptable. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } })
    .languages()
    .filter((l) => l !== "*");
  const valid: string[] = [];
  for (const l of requested) {
    try {
      valid.push(Intl.getCanonicalLocales(l)[0]);
    } catch {
      // A malformed tag is ignored, not an error.
    }
  }
  if (valid.length === 0) return null;
  // "none" never matches a real tag, so an unacceptable list falls through to the next rule.
  // "lookup" walks the reader's list in order of preference, trimming subtags (es-419 → es).
  const best = match(valid, [...locales], "none", { algorithm: "lookup" });
  return isLocale(best) ? best : null;
}

/** Paths that are never translated (staff work areas and sign-in). */
const ENGLISH_ONLY = /^\/(review|admin|staff|account|signin)(\/|$)/;

export function resolveLocale(input: {
  /** The request path with its query, e.g. "/drones?lang=es". */
  path?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  const url = new URL(input.path || "/", "http://daylight.invalid");
  if (ENGLISH_ONLY.test(url.pathname)) return defaultLocale;
  const query = url.searchParams.get(LOCALE_QUERY);
  if (isLocale(query)) return query;
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage) ?? defaultLocale;
}

/** The same path in another language: `?lang=` set (or removed, for the unmarked x-default URL). */
export function localizedPath(path: string, locale: Locale | null): string {
  const url = new URL(path || "/", "http://daylight.invalid");
  url.searchParams.delete(LOCALE_QUERY);
  if (locale) url.searchParams.set(LOCALE_QUERY, locale);
  return url.pathname + url.search;
}

/** The BCP 47 tag numbers and dates are formatted with: US Spanish (a California city's). */
export function intlLocale(locale: Locale): string {
  return locale === "es" ? "es-US" : "en-US";
}
