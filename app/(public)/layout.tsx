import type { Metadata } from "next";
import { headers } from "next/headers";
import { PublishingNotice } from "@/components/layout/publishing-notice";
import { SiteFooter, SiteHeader } from "@/components/layout/site-nav";
import { getLatestRun } from "@/db/queries/public/publication";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedPath } from "@/i18n/locale";
import { isFullyTranslated } from "@/i18n/tr";
import { city } from "@/lib/config/city";

// Each public page in each language has its own address (`?lang=es`, `?lang=en`); the unmarked
// address picks the language from the reader's cookie or browser, so it is the x-default.
export async function generateMetadata(): Promise<Metadata> {
  const h = await headers();
  const path = h.get("x-daylight-path") ?? "/";
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  let metadataBase: URL | undefined;
  try {
    metadataBase = host ? new URL(`${proto}://${host}`) : undefined;
  } catch {
    metadataBase = undefined;
  }
  return {
    metadataBase,
    alternates: {
      languages: {
        en: localizedPath(path, "en"),
        es: localizedPath(path, "es"),
        "x-default": localizedPath(path, null),
      },
    },
  };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const { name } = city();
  const [published, locale, t, h] = await Promise.all([
    getLatestRun().then((r) => r !== null),
    getLocale(),
    getTranslations("Shell"),
    headers(),
  ]);
  // A page not yet fully translated says so, and its untranslated text is marked as English.
  const pathname = new URL(h.get("x-daylight-path") ?? "/", "http://daylight.invalid").pathname;
  const partial = locale !== "en" && !isFullyTranslated(pathname);
  return (
    <>
      <SiteHeader cityName={name} languageSwitch />
      <main id="main" className="page" lang={partial ? "en" : undefined}>
        {partial ? (
          <p className="notice" lang={locale}>
            {t("partial")}
          </p>
        ) : null}
        {published ? children : <PublishingNotice />}
      </main>
      <SiteFooter cityName={name} />
    </>
  );
}
