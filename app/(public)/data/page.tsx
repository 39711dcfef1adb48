// /data: every open dataset with its fixed download URLs, size, freshness and data dictionary.
import { connection } from "next/server";
import { DatasetSection, type DatasetFacts } from "@/components/opendata/dataset-section";
import { datasetRowCounts, datasetStatuses, latestPublication } from "@/db/queries/public/opendata";
import { city } from "@/lib/config/city";
import { datasets } from "@/lib/opendata/registry";
import styles from "@/components/opendata/opendata.module.css";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("data.title");

export default async function DataPage() {
  await connection();
  const [statuses, latest, counts] = await Promise.all([
    datasetStatuses(),
    latestPublication(),
    datasetRowCounts(datasets),
  ]);
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
      <p className="lede">
        Every public table on this site can be downloaded, whole or filtered, as CSV or JSON, and read through a free
        API with no key. The rows are the published record: generalized and delayed by the privacy rules in{" "}
        <a href="/data/methodology">how we protect privacy</a>, so they never name a person or point to an address.
      </p>
      <ul>
        <li>
          API index: {/* A JSON route handler, not a page: a plain link, no client-side navigation. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/v1">
            <code>/api/v1</code>
          </a>
          ; the OpenAPI 3.1 description:{" "}
          <a href="/api/v1/openapi.json">
            <code>/api/v1/openapi.json</code>
          </a>
          , explained for people at <a href="/data/api">API documentation</a>.
        </li>
        <li>
          Methodology, privacy rules in force, the latest publication and known data issues:{" "}
          <a href="/data/methodology">methodology</a>.
        </li>
      </ul>
      <nav aria-label="Datasets">
        <h2>Datasets</h2>
        <ol className={styles.toc}>
          {datasets.map((d) => (
            <li key={d.slug}>
              <a href={`#${d.slug}`}>{d.title}</a>
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
