// Fixed page text for pages that otherwise do not use next-intl: a heading or title by key, so a
// page's translation is a one-line change (`<h1><Tr k="drones.h1" /></h1>`).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedPath } from "./locale";
import type en from "../messages/en.json";

export { isFullyTranslated } from "./fully-translated";

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
