import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { getPublicUpdate } from "@/db/queries/public/content";
import { renderMarkdown } from "@/lib/content/markdown";
import { langWhereDifferent, localizeUpdate } from "@/lib/content/bilingual";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import { Tr } from "@/i18n/tr";
import styles from "@/components/content/content.module.css";

type Props = { params: Promise<{ slug: string }> };

export default async function UpdatePage({ params }: Props) {
  await connection();
  const [raw, t, tp, locale] = await Promise.all([
    params.then((p) => getPublicUpdate({ slug: p.slug })),
    getTranslations("Updates"),
    getTranslations("Feedback.programs"),
    getLocale() as Promise<Locale>,
  ]);
  if (!raw) notFound();
  // Staff's Spanish version when there is one, else the English text marked as English.
  const u = localizeUpdate(raw, locale);
  const lang = langWhereDifferent(u.lang, locale);
  const programName =
    raw.programSlug && tp.has(raw.programSlug) ? tp(raw.programSlug) : (raw.programName ?? raw.programSlug);
  return (
    <>
      <p className="muted">
        <Link href="/updates">
          <Tr k="updates.h1" />
        </Link>
        {raw.programSlug ? (
          <>
            {" "}
            › <Link href={`/updates?program=${raw.programSlug}`}>{programName}</Link>
          </>
        ) : null}
      </p>
      <h1 lang={lang}>{u.title}</h1>
      <p className="muted">
        {t("published", { date: raw.publishAt ? formatInstant(raw.publishAt, city().timeZone, locale) : "" })}
      </p>
      {lang ? (
        <p className="notice" role="note">
          {t("englishOnly")}
        </p>
      ) : null}
      {u.summary && (
        <p className="lede" lang={lang}>
          {u.summary}
        </p>
      )}
      {/* Sanitized by lib/content/markdown: no scripts, event handlers or unsafe links survive. */}
      <article
        className={styles.prose}
        lang={lang}
        dangerouslySetInnerHTML={{ __html: renderMarkdown(u.bodyMarkdown) }}
      />
    </>
  );
}

export async function generateMetadata({ params }: Props) {
  const [u, t, locale] = await Promise.all([
    params.then((p) => getPublicUpdate({ slug: p.slug })),
    getTranslations("Updates"),
    getLocale() as Promise<Locale>,
  ]);
  return { title: u ? localizeUpdate(u, locale).title : t("notFound") };
}
