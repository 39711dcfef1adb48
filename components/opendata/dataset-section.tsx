// One dataset on /data: what it is, its fixed URLs, how many rows, when it was last published.
import { useLocale, useTranslations } from "next-intl";
import { dateTimeFormat } from "@/lib/format/intl";
import type { DatasetDef } from "@/lib/opendata/types";
import { pageFilterHint } from "@/lib/opendata/dictionary";
import { DictionaryTable } from "./dictionary-table";
import styles from "./opendata.module.css";

export type DatasetFacts = { rows: number | null; publishedAt: Date | null; asOf: Date | null; cutoff: Date | null };

export function DatasetSection({ def, facts, timeZone }: { def: DatasetDef; facts: DatasetFacts; timeZone: string }) {
  const t = useTranslations("OpenData");
  const locale = useLocale() === "es" ? "es" : "en";
  const tag = locale === "es" ? "es-US" : "en-US";
  // The registry's own descriptions (titles, summaries, cadence, filters) are written in English.
  const regLang = locale === "en" ? undefined : "en";
  const fmt = (d: Date | null) =>
    d ? dateTimeFormat(tag, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d) : t("notYet");
  const urls = [
    { label: t("csv"), href: `/api/v1/${def.slug}.csv` },
    { label: t("json"), href: `/api/v1/${def.slug}.json` },
    { label: t("api"), href: `/api/v1/${def.slug}` },
  ];
  return (
    <section className={styles.dataset} aria-labelledby={`${def.slug}-title`} id={def.slug}>
      <h2 id={`${def.slug}-title`} lang={regLang}>
        {def.title}
      </h2>
      <p lang={regLang}>{def.summary}</p>
      <dl className={styles.facts}>
        <dt>{t("rows")}</dt>
        <dd>{facts.rows === null ? t("notAvailable") : facts.rows.toLocaleString(tag)}</dd>
        <dt>{t("lastPublished")}</dt>
        <dd>{def.source === "staff" ? t("live") : fmt(facts.publishedAt)}</dd>
        {facts.cutoff ? (
          <>
            <dt>{t("coversUpTo")}</dt>
            <dd>{fmt(facts.cutoff)}</dd>
          </>
        ) : null}
        <dt>{t("updated")}</dt>
        <dd lang={regLang}>{def.cadence}</dd>
        <dt>{t("shownOn")}</dt>
        <dd>
          <a href={def.pagePath}>{def.pagePath}</a> (<span lang={regLang}>{pageFilterHint(def)}</span>)
        </dd>
        <dt>{t("filters")}</dt>
        <dd lang={regLang}>
          {Object.keys(def.filters.shape).length ? (
            Object.entries(def.filterDocs).map(([k, v]) => (
              <span key={k}>
                <code>{k}</code>: {v}.{" "}
              </span>
            ))
          ) : (
            <span className="muted" lang={locale}>
              {t("none")}
            </span>
          )}
        </dd>
      </dl>
      <ul className={styles.urls} aria-label={t("fixedUrls", { title: def.title })}>
        {urls.map((u) => (
          <li key={u.href}>
            {u.label}:{" "}
            <a href={u.href}>
              <code>{u.href}</code>
            </a>
          </li>
        ))}
      </ul>
      <DictionaryTable def={def} />
    </section>
  );
}
