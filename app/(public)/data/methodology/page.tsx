// /data/methodology: the privacy rules in force (printed from lib/publish/rules.ts), the latest
// publication record, known data issues and the changelog of dataset schemas.
import { dateTimeFormat } from "@/lib/format/intl";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { plainRulesEs } from "@/i18n/methodology-es";
import { intlLocale, type Locale } from "@/i18n/locale";
import { latestPublicationRecord } from "@/db/queries/public/opendata";
import { city } from "@/lib/config/city";
import { knownIssues, ruleRows } from "@/lib/opendata/methodology";
import { plainRules } from "@/lib/opendata/methodology-plain";
import { datasets } from "@/lib/opendata/registry";
import { RULES_VERSION, rules } from "@/lib/publish/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Methodology");
  return { title: t("title") };
}

export default async function MethodologyPage() {
  await connection();
  const run = await latestPublicationRecord();
  const [t, locale] = await Promise.all([getTranslations("Methodology"), getLocale() as Promise<Locale>]);
  const tag = intlLocale(locale);
  // Technical names and meanings that are only written in English are marked as such.
  const enOnly = locale === "en" ? undefined : "en";
  const { timeZone } = city();
  const when = (d: Date | null) =>
    d ? dateTimeFormat(tag, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d) : "—";
  const counts = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  const changes = datasets
    .flatMap((d) => d.changelog.map((c) => ({ ...c, dataset: d.title, slug: d.slug })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.dataset.localeCompare(b.dataset));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>

      {(locale === "es" ? plainRulesEs(rules) : plainRules(rules)).map((p) => (
        <section key={p.id} aria-labelledby={`rule-${p.id}`}>
          <h2 id={`rule-${p.id}`}>{p.title}</h2>
          {p.paragraphs.map((t) => (
            <p key={t.slice(0, 40)}>{t}</p>
          ))}
        </section>
      ))}

      <h2 id="rules">{t("rulesHeading")}</h2>
      <p>
        {t.rich("rulesIntro", { version: RULES_VERSION, b: (chunks) => <strong>{chunks}</strong> })}
        {enOnly ? ` ${t("englishOnly")}` : null}
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t("rulesCaption", { version: RULES_VERSION })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("setting")}</th>
              <th scope="col">{t("value")}</th>
              <th scope="col">{t("meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {ruleRows(rules).map((r) => (
              <tr key={r.setting}>
                <td lang={enOnly}>
                  {r.name}
                  <br />
                  <code className="muted">{r.setting}</code>
                </td>
                <td data-rule={r.setting}>{r.value}</td>
                <td lang={enOnly}>{r.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t.rich("downloads", { hidden: `<${rules.minCount}`, code: (chunks) => <code>{chunks}</code> })}</p>

      <h2 id="latest-publication">{t("latest")}</h2>
      {run ? (
        <>
          <dl>
            <dt>{t("run")}</dt>
            <dd>{t("runValue", { id: run.id, trigger: run.trigger })}</dd>
            <dt>{t("finished")}</dt>
            <dd>{when(run.finishedAt)}</dd>
            <dt>{t("asOf")}</dt>
            <dd>{when(run.asOf)}</dd>
            <dt>{t("rulesVersion")}</dt>
            <dd>{run.rulesVersion}</dd>
            <dt>{t("hidden", { min: rules.minCount })}</dt>
            <dd>{run.cellsSuppressed.toLocaleString(tag)}</dd>
          </dl>
          <div className="table-wrap">
            <table>
              <caption>{t("rawCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sourceTable")}</th>
                  <th scope="col" className="num">
                    {t("records")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts(run.sourceCounts).map(([k, v]) => (
                  <tr key={k}>
                    <td>
                      <code>{k}</code>
                    </td>
                    <td className="num">{v.toLocaleString(tag)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table>
              <caption>{t("publishedCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("publishedTable")}</th>
                  <th scope="col" className="num">
                    {t("rows")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts(run.publishedCounts).map(([k, v]) => (
                  <tr key={k}>
                    <td>
                      <code>{k}</code>
                    </td>
                    <td className="num">{v.toLocaleString(tag)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t.rich("everyRun", {
              runs: (chunks) => <a href="/data#publications">{chunks}</a>,
              csv: (chunks) => <a href="/api/v1/publications.csv">{chunks}</a>,
              json: (chunks) => <a href="/api/v1/publications.json">{chunks}</a>,
            })}
          </p>
        </>
      ) : (
        <p className="notice">{t("nothing")}</p>
      )}

      <h2 id="known-issues">{t("knownIssues")}</h2>
      <ul>
        {knownIssues.map((k) => (
          <li key={k.issue}>
            <strong>{k.dataset}</strong> {t("since", { date: k.since })}
            <span lang={enOnly}>{k.issue}</span>
          </li>
        ))}
      </ul>

      <h2 id="changelog">{t("changelog")}</h2>
      <p>{t("changelogIntro")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("changelogCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("dataset")}</th>
              <th scope="col">{t("change")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.slug}-${c.date}-${c.change}`}>
                <td>{c.date}</td>
                <td>
                  <a href={`/data#${c.slug}`}>{c.dataset}</a>
                </td>
                <td lang={enOnly}>{c.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
