import { headers } from "next/headers";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { switchHref } from "@/i18n/switch";
import styles from "./site-nav.module.css";

export const publicSections = [
  { href: "/drones", label: "Drones", key: "drones" },
  { href: "/cameras", label: "Cameras", key: "cameras" },
  { href: "/plate-readers", label: "Plate readers", key: "plateReaders" },
  { href: "/cso", label: "Community Safety Officers", key: "cso" },
  { href: "/policies", label: "Policies", key: "policies" },
  { href: "/updates", label: "Updates", key: "updates" },
  { href: "/council", label: "Council", key: "council" },
  { href: "/findings", label: "Findings", key: "findings" },
  { href: "/data", label: "Open data", key: "data" },
  { href: "/feedback", label: "Feedback", key: "feedback" },
] as const;

/** The language switch: a plain link (works without scripts) to the other language. */
async function LanguageSwitch() {
  const [locale, t, h] = await Promise.all([getLocale(), getTranslations("Shell"), headers()]);
  const other = locale === "es" ? "en" : "es";
  return (
    <p className={styles.language}>
      <a
        href={switchHref(other, h.get("x-daylight-path") ?? "/")}
        lang={other}
        hrefLang={other}
        className={styles.switch}
        aria-label={t("switchLabel")}
      >
        {t("switchTo")}
      </a>
    </p>
  );
}

export async function SiteHeader({ cityName, languageSwitch = false }: { cityName: string; languageSwitch?: boolean }) {
  const t = await getTranslations("Shell");
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__name">Daylight</span>
          <span className="brand__city">{t("tagline", { city: cityName })}</span>
        </Link>
        {/* On phones the sections fold behind a "Menu" button (a <details>, so it works without
            scripts); on wider screens the summary is hidden and the list always shows. */}
        <nav aria-label={t("mainNav")}>
          <details className="nav-menu">
            <summary>{t("menu")}</summary>
            <ul className="nav-list">
              {publicSections.map((s) => (
                <li key={s.href}>
                  <Link href={s.href}>{t(`nav.${s.key}`)}</Link>
                </li>
              ))}
            </ul>
          </details>
        </nav>
        {languageSwitch ? <LanguageSwitch /> : null}
      </div>
    </header>
  );
}

export async function SiteFooter({ cityName }: { cityName: string }) {
  const t = await getTranslations("Shell");
  return (
    <footer className="site-footer">
      <p>
        {t.rich("footerAbout", {
          city: cityName,
          privacy: (chunks) => <Link href="/data/methodology">{chunks}</Link>,
        })}
      </p>
      <p>
        <Link href="/feedback">{t("footerFeedback")}</Link> · <Link href="/costs">{t("footerCosts")}</Link> ·{" "}
        <Link href="/audit">{t("footerAudit")}</Link> · <Link href="/signin">{t("footerSignin")}</Link>
      </p>
    </footer>
  );
}
