// /data/methodology: the privacy rules in force (printed from lib/publish/rules.ts), the latest
// publication record, known data issues and the changelog of dataset schemas.
import { dateTimeFormat } from "@/lib/format/intl";
import type { Metadata } from "next";
import { connection } from "next/server";
import { latestPublicationRecord } from "@/db/queries/public/opendata";
import { city } from "@/lib/config/city";
import { knownIssues, ruleRows } from "@/lib/opendata/methodology";
import { plainRules } from "@/lib/opendata/methodology-plain";
import { datasets } from "@/lib/opendata/registry";
import { RULES_VERSION, rules } from "@/lib/publish/rules";

export const metadata: Metadata = { title: "Methodology and privacy rules" };

export default async function MethodologyPage() {
  await connection();
  const run = await latestPublicationRecord();
  const { timeZone } = city();
  const when = (d: Date | null) =>
    d ? dateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d) : "—";
  const counts = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  const changes = datasets
    .flatMap((d) => d.changelog.map((c) => ({ ...c, dataset: d.title, slug: d.slug })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.dataset.localeCompare(b.dataset));
  return (
    <>
      <h1>Methodology and privacy rules</h1>
      <p className="lede">
        Raw records from the drones, cameras, plate readers and Community Safety Officers are never shown here. A
        publication step turns them into the public record under the rules below: no names, no case or call numbers, no
        free text, places generalized to hexagons, times rounded and delayed, and small counts hidden.
      </p>

      {plainRules(rules).map((p) => (
        <section key={p.id} aria-labelledby={`rule-${p.id}`}>
          <h2 id={`rule-${p.id}`}>{p.title}</h2>
          {p.paragraphs.map((t) => (
            <p key={t.slice(0, 40)}>{t}</p>
          ))}
        </section>
      ))}

      <h2 id="rules">Privacy rules in force</h2>
      <p>
        Rules version <strong>{RULES_VERSION}</strong>. The values below are read from the rules module the publication
        step runs with, not typed into this page.
      </p>
      <div className="table-wrap">
        <table>
          <caption>Publication rules (version {RULES_VERSION})</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Value</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {ruleRows(rules).map((r) => (
              <tr key={r.setting}>
                <td>
                  {r.name}
                  <br />
                  <code className="muted">{r.setting}</code>
                </td>
                <td data-rule={r.setting}>{r.value}</td>
                <td>{r.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        In downloads a hidden count is written <code>&lt;{rules.minCount}</code> in CSV, and as <code>null</code> with{" "}
        <code>&quot;suppressed&quot;: true</code> in JSON. It is never written as a number.
      </p>

      <h2 id="latest-publication">Latest publication</h2>
      {run ? (
        <>
          <dl>
            <dt>Publication run</dt>
            <dd>
              number {run.id}, started by {run.trigger}
            </dd>
            <dt>Finished</dt>
            <dd>{when(run.finishedAt)}</dd>
            <dt>Data as of</dt>
            <dd>{when(run.asOf)}</dd>
            <dt>Rules version</dt>
            <dd>{run.rulesVersion}</dd>
            <dt>Counts hidden (fewer than {rules.minCount}, or revealing one by subtraction)</dt>
            <dd>{run.cellsSuppressed.toLocaleString("en-US")}</dd>
          </dl>
          <div className="table-wrap">
            <table>
              <caption>Raw records read by this publication</caption>
              <thead>
                <tr>
                  <th scope="col">Source table</th>
                  <th scope="col" className="num">
                    Records
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts(run.sourceCounts).map(([k, v]) => (
                  <tr key={k}>
                    <td>
                      <code>{k}</code>
                    </td>
                    <td className="num">{v.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table>
              <caption>Rows published</caption>
              <thead>
                <tr>
                  <th scope="col">Published table</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts(run.publishedCounts).map(([k, v]) => (
                  <tr key={k}>
                    <td>
                      <code>{k}</code>
                    </td>
                    <td className="num">{v.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            Every run is listed in the <a href="/data#publications">publication runs dataset</a> (
            <a href="/api/v1/publications.csv">CSV</a>, <a href="/api/v1/publications.json">JSON</a>).
          </p>
        </>
      ) : (
        <p className="notice">Nothing has been published yet.</p>
      )}

      <h2 id="known-issues">Known data issues</h2>
      <ul>
        {knownIssues.map((k) => (
          <li key={k.issue}>
            <strong>{k.dataset}</strong> (since {k.since}): {k.issue}
          </li>
        ))}
      </ul>

      <h2 id="changelog">Changes to the datasets</h2>
      <p>
        Columns are only ever added; a column that changes meaning gets a new name. The API version is in its path
        (/api/v1).
      </p>
      <div className="table-wrap">
        <table>
          <caption>Dataset schema changelog</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Dataset</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.slug}-${c.date}-${c.change}`}>
                <td>{c.date}</td>
                <td>
                  <a href={`/data#${c.slug}`}>{c.dataset}</a>
                </td>
                <td>{c.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
