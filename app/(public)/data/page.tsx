// /data: every open dataset with its fixed download URLs, size, freshness and data dictionary.
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { DatasetSection, type DatasetFacts } from "@/components/opendata/dataset-section";
import { datasetRowCounts, datasetStatuses, latestPublication } from "@/db/queries/public/opendata";
import { city } from "@/lib/config/city";
import { datasets } from "@/lib/opendata/registry";
import styles from "@/components/opendata/opendata.module.css";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("data.title");

export default async function DataPage() {
  await connection();
  const [statuses, latest, counts, t] = await Promise.all([
    datasetStatuses(),
    latestPublication(),
    datasetRowCounts(datasets),
    getTranslations("OpenData"),
  ]);
  const locale = await getLocale();
  const { timeZone } = city();
  const facts = (i: number): DatasetFacts => {
    const d = datasets[i];
    const s = d.publicationDataset ? statuses.get(d.publicationDataset) : undefined;
    return {
      rows: counts[i],
      publishedAt: s?.publishedAt ?? (d.source === "publication" ? (latest?.finishedAt ?? null) : null),
      asOf: s?.asOf ?? latest?.asOf ?? null,
      cutoff: s?.cutoff ?? null,
    };
  };
  return (
    <>
      <h1>
        <Tr k="data.h1" />
      </h1>
      <p className="lede">{t.rich("lede", { privacy: (chunks) => <a href="/data/methodology">{chunks}</a> })}</p>
      <ul>
        <li>
          {t("apiIndex")} {/* A JSON route handler, not a page: a plain link, no client-side navigation. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/v1">
            <code>/api/v1</code>
          </a>
          {t("openapi")}{" "}
          <a href="/api/v1/openapi.json">
            <code>/api/v1/openapi.json</code>
          </a>
          {t.rich("explained", { docs: (chunks) => <a href="/data/api">{chunks}</a> })}
        </li>
        <li>{t.rich("methodology", { link: (chunks) => <a href="/data/methodology">{chunks}</a> })}</li>
      </ul>
      <nav aria-label={t("datasets")}>
        <h2>{t("datasets")}</h2>
        <ol className={styles.toc}>
          {datasets.map((d) => (
            <li key={d.slug}>
              <a href={`#${d.slug}`} lang={locale === "en" ? undefined : "en"}>
                {d.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {datasets.map((d, i) => (
        <DatasetSection key={d.slug} def={d} facts={facts(i)} timeZone={timeZone} />
      ))}
    </>
  );
}
