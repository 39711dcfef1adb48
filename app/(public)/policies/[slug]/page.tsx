import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { localizeSummary } from "@/lib/content/bilingual";
import { policyHistory } from "@/db/queries/public/content";
import { formatDate } from "@/lib/format/numbers";
import { compareVersions } from "@/lib/content/policy-files";
import { renderMarkdown } from "@/lib/content/markdown";
import { versionsOnDay } from "@/lib/content/policy-versions";
import { isoDateIn } from "@/lib/format/intl";
import { city } from "@/lib/config/city";
import styles from "@/components/content/content.module.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: (await getTranslations("Policy"))("title", { slug: (await params).slug }) };
}

export default async function PolicyPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const [history, locale, t] = await Promise.all([
    policyHistory({ slug }),
    getLocale() as Promise<Locale>,
    getTranslations("Policy"),
  ]);
  const date = (iso: string) => formatDate(iso, locale);
  // The policies' titles, bodies and adopting bodies are written in English.
  const en = locale === "en" ? undefined : "en";
  if (history.length === 0) notFound();
  const wanted = (await searchParams).version;
  // A version adopted for a later date is scheduled: the one in force stays current until then.
  const { current, scheduled } = versionsOnDay(history, isoDateIn(new Date(), city().timeZone));
  const isScheduled = (v: { version: string }) => scheduled.some((x) => x.version === v.version);
  const shown = (typeof wanted === "string" && history.find((v) => v.version === wanted)) || current;
  const isCurrent = shown.version === current.version;
  const previous = history.find((v) => compareVersions(v.version, current.version) < 0);
  // Staff's plain-language summary in the reader's language when written, else the English one.
  const summary = localizeSummary(shown, locale);
  const effect = (v: { version: string; effectiveDate: string }) =>
    isScheduled(v)
      ? t("takesEffect", { date: date(v.effectiveDate) })
      : t("inEffectSince", { date: date(v.effectiveDate) });
  return (
    <>
      <p className="muted">
        <Link href="/policies">{t("back")}</Link>
      </p>
      <h1 lang={en}>{shown.title}</h1>
      <p>
        <strong>{t("version", { version: shown.version })}</strong>
        {isCurrent ? t("current") : ""} · {effect(shown)} · {t("adoptedBy")} <span lang={en}>{shown.adoptedBy}</span>
        {shown.programName ? <span lang={en}>{` · ${shown.programName}`}</span> : ""}
      </p>
      {isCurrent &&
        scheduled.map((v) => (
          <p key={v.version} className="notice" role="note">
            {t.rich("scheduledNote", {
              version: v.version,
              date: date(v.effectiveDate),
              read: (chunks) => <Link href={`/policies/${slug}?version=${v.version}`}>{chunks}</Link>,
              diff: (chunks) => (
                <Link href={`/policies/${slug}/diff?from=${current.version}&to=${v.version}`}>{chunks}</Link>
              ),
            })}
          </p>
        ))}
      {isScheduled(shown) && (
        <p className="notice" role="note">
          {t.rich("thisScheduled", {
            date: date(shown.effectiveDate),
            current: current.version,
            cur: (chunks) => <Link href={`/policies/${slug}`}>{chunks}</Link>,
            diff: (chunks) => (
              <Link href={`/policies/${slug}/diff?from=${current.version}&to=${shown.version}`}>{chunks}</Link>
            ),
          })}
        </p>
      )}
      {!isCurrent && !isScheduled(shown) && (
        <p className="notice" role="note">
          {t.rich("earlier", {
            current: current.version,
            cur: (chunks) => <Link href={`/policies/${slug}`}>{chunks}</Link>,
            diff: (chunks) => (
              <Link href={`/policies/${slug}/diff?from=${shown.version}&to=${current.version}`}>{chunks}</Link>
            ),
          })}
        </p>
      )}
      {isCurrent && previous && (
        <p>
          <Link href={`/policies/${slug}/diff?from=${previous.version}&to=${current.version}`}>
            {t("changedFrom", { version: previous.version })}
          </Link>
        </p>
      )}
      {summary && (
        <p className="lede" lang={locale === "en" ? undefined : summary.lang}>
          {summary.text}
        </p>
      )}
      {/* Sanitized by lib/content/markdown: no scripts, event handlers or unsafe links survive. */}
      <article className={styles.prose} lang={en} dangerouslySetInnerHTML={{ __html: renderMarkdown(shown.bodyMdx) }} />
      <h2 id="history">{t("history")}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t("historyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("versionHeader")}</th>
              <th scope="col">{t("inEffect")}</th>
              <th scope="col">{t("adoptedByHeader")}</th>
              <th scope="col">{t("published")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((v) => (
              <tr key={v.version}>
                <td>
                  <Link href={`/policies/${slug}?version=${v.version}`}>{t("version", { version: v.version })}</Link>
                  {v.version === current.version ? t("current") : ""}
                </td>
                <td>{isScheduled(v) ? t("takesEffect", { date: date(v.effectiveDate) }) : date(v.effectiveDate)}</td>
                <td lang={en}>{v.adoptedBy}</td>
                <td>{v.origin === "web" ? t("byStaff") : t("fromFile")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > 1 && (
        <form
          method="get"
          action={`/policies/${slug}/diff`}
          style={{ display: "flex", gap: "0.75rem", alignItems: "flex-end", flexWrap: "wrap", marginTop: "1rem" }}
        >
          <div style={{ display: "grid" }}>
            <label htmlFor="from">{t("compare")}</label>
            <select id="from" name="from" defaultValue={(previous ?? history[1]).version}>
              {history.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <div style={{ display: "grid" }}>
            <label htmlFor="to">{t("with")}</label>
            <select id="to" name="to" defaultValue={current.version}>
              {history.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("compareButton")}</button>
        </form>
      )}
      <p>
        <Link href={`/feedback/new?target=policy:${slug}`}>{t("feedback")}</Link>
      </p>
    </>
  );
}
