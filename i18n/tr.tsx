// Fixed page text for pages that otherwise do not use next-intl: a heading or title by key, so a
// page's translation is a one-line change (`<h1><Tr k="drones.h1" /></h1>`).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedPath } from "./locale";

/** Pages whose fixed text is all translated; on the others only headings are, the rest is English. */
const FULLY_TRANSLATED = new Set([
  "/",
  "/drones/nearby",
  "/feedback",
  "/feedback/new",
  "/data/methodology",
  "/policies",
  "/updates",
  "/findings",
  "/data",
  "/council",
  "/drones",
  "/drones/flights",
  "/cso",
  "/well-being",
  "/reports",
  "/plate-readers",
  "/cameras",
  "/cameras/access-log",
  "/council/prioritization",
  "/costs",
]);
/** Pages with a path parameter whose fixed text is all translated. */
const FULLY_TRANSLATED_PATTERNS = [
  /^\/updates\/[^/]+$/,
  /^\/drones\/flights\/[^/]+$/,
  /^\/reports\/[^/]+\/[^/]+$/,
  /^\/policies\/[^/]+(\/diff)?$/,
  /^\/plate-readers\/searches\/[^/]+$/,
  /^\/cameras\/access-log\/[^/]+$/,
  /^\/feedback\/\d+$/,
];

export function isFullyTranslated(pathname: string): boolean {
  return FULLY_TRANSLATED.has(pathname) || FULLY_TRANSLATED_PATTERNS.some((re) => re.test(pathname));
}
import type en from "../messages/en.json";

type Pages = (typeof en)["Pages"];
export type PageKey = { [P in keyof Pages]: `${P & string}.${keyof Pages[P] & string}` }[keyof Pages];

export async function Tr({ k }: { k: PageKey }) {
  const [t, locale] = await Promise.all([getTranslations("Pages"), getLocale()]);
  // On a partly translated page the rest is marked English (app/(public)/layout.tsx), so a
  // translated heading says its own language.
  return locale === "en" ? <>{t(k)}</> : <span lang={locale}>{t(k)}</span>;
}

/** `export const generateMetadata = pageTitle("drones.title");` */
export function pageTitle(k: PageKey): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations("Pages");
    return { title: t(k) };
  };
}

/** The hreflang addresses of the current page (a page that sets its own `alternates` must repeat them). */
export async function languageAlternates(): Promise<Record<string, string>> {
  const path = (await headers()).get("x-daylight-path") ?? "/";
  return { en: localizedPath(path, "en"), es: localizedPath(path, "es"), "x-default": localizedPath(path, null) };
}
