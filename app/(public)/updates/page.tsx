import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { listPrograms, listPublicUpdates } from "@/db/queries/public/content";
import { formatInstant } from "@/lib/time";
import { markdownToText } from "@/lib/content/markdown";
import { langWhereDifferent, localizeUpdate } from "@/lib/content/bilingual";
import { city } from "@/lib/config/city";
import { Tr, languageAlternates, pageTitle } from "@/i18n/tr";

export async function generateMetadata() {
  const [{ title }, languages] = await Promise.all([pageTitle("updates.title")(), languageAlternates()]);
  // A page's own `alternates` replaces the layout's, so the hreflang links are repeated here.
  return { title, alternates: { types: { "application/atom+xml": "/updates/feed.xml" }, languages } };
}

export default async function UpdatesPage({
  searchParams,
}: {
  searchParams: Promise<{ program?: string | string[] }>;
}) {
  await connection();
  const [programs, t, tp, locale] = await Promise.all([
    listPrograms(),
    getTranslations("Updates"),
    getTranslations("Feedback.programs"),
    getLocale() as Promise<Locale>,
  ]);
  const raw = (await searchParams).program;
  const program = typeof raw === "string" && programs.some((p) => p.slug === raw) ? raw : undefined;
  const updates = await listPublicUpdates({ program });
  const tz = city().timeZone;
  // Program names in the reader's language (the same names the feedback form uses).
  const programName = (slug: string | null, name: string | null) =>
    slug && tp.has(slug as "drones") ? tp(slug as "drones") : (name ?? "");
  return (
    <>
      <h1>
        <Tr k="updates.h1" />
      </h1>
      <p className="lede">
        {t("lede")} <a href={`/updates/feed.xml${program ? `?program=${program}` : ""}`}>{t("subscribe")}</a>
      </p>
      <nav aria-label={t("filter")}>
        <ul className="nav-list" style={{ marginBottom: "1rem" }}>
          <li>
            <Link href="/updates" aria-current={!program ? "page" : undefined}>
              {t("allPrograms")}
            </Link>
          </li>
          {programs.map((p) => (
            <li key={p.slug}>
              <Link href={`/updates?program=${p.slug}`} aria-current={program === p.slug ? "page" : undefined}>
                {programName(p.slug, p.name)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {updates.length === 0 ? (
        <p>{program ? t("noneProgram") : t("none")}</p>
      ) : (
        <ol style={{ listStyle: "none", padding: 0 }}>
          {updates.map((raw) => {
            // Staff's Spanish version when there is one, else the English text marked as English.
            const u = localizeUpdate(raw, locale);
            const lang = langWhereDifferent(u.lang, locale);
            return (
              <li key={raw.slug} className="card" style={{ marginBottom: "0.75rem" }}>
                <h2 style={{ margin: 0, fontSize: "1.15rem" }} lang={lang}>
                  <Link href={`/updates/${raw.slug}`}>{u.title}</Link>
                </h2>
                <p className="muted" style={{ margin: "0.25rem 0" }}>
                  {raw.publishAt ? formatInstant(raw.publishAt, tz, locale) : ""}
                  {raw.programSlug ? ` · ${programName(raw.programSlug, raw.programName)}` : ""}
                </p>
                <p style={{ margin: 0 }} lang={lang}>
                  {u.summary || markdownToText(u.bodyMarkdown, 220)}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
