// One dataset on /data: what it is, its fixed URLs, how many rows, when it was last published.
import { dateTimeFormat } from "@/lib/format/intl";
import type { DatasetDef } from "@/lib/opendata/types";
import { pageFilterHint } from "@/lib/opendata/dictionary";
import { DictionaryTable } from "./dictionary-table";
import styles from "./opendata.module.css";

export type DatasetFacts = { rows: number | null; publishedAt: Date | null; asOf: Date | null; cutoff: Date | null };

const fmt = (d: Date | null, timeZone: string) =>
  d ? dateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d) : "not yet published";

export function DatasetSection({ def, facts, timeZone }: { def: DatasetDef; facts: DatasetFacts; timeZone: string }) {
  const urls = [
    { label: "CSV download", href: `/api/v1/${def.slug}.csv` },
    { label: "JSON download", href: `/api/v1/${def.slug}.json` },
    { label: "API (pages of JSON)", href: `/api/v1/${def.slug}` },
  ];
  return (
    <section className={styles.dataset} aria-labelledby={`${def.slug}-title`} id={def.slug}>
      <h2 id={`${def.slug}-title`}>{def.title}</h2>
      <p>{def.summary}</p>
      <dl className={styles.facts}>
        <dt>Rows</dt>
        <dd>{facts.rows === null ? "not available" : facts.rows.toLocaleString("en-US")}</dd>
        <dt>Last published</dt>
        <dd>{def.source === "staff" ? "Live: changes as soon as staff edit it" : fmt(facts.publishedAt, timeZone)}</dd>
        {facts.cutoff ? (
          <>
            <dt>Covers events up to</dt>
            <dd>{fmt(facts.cutoff, timeZone)}</dd>
          </>
        ) : null}
        <dt>Updated</dt>
        <dd>{def.cadence}</dd>
        <dt>Shown on</dt>
        <dd>
          <a href={def.pagePath}>{def.pagePath}</a> ({pageFilterHint(def)})
        </dd>
        <dt>Filters</dt>
        <dd>
          {Object.keys(def.filters.shape).length ? (
            Object.entries(def.filterDocs).map(([k, v]) => (
              <span key={k}>
                <code>{k}</code>: {v}.{" "}
              </span>
            ))
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
      </dl>
      <ul className={styles.urls} aria-label={`Fixed URLs for ${def.title}`}>
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
