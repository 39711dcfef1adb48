import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getAnnualReport, type AnnualReport } from "@/db/queries/public/annual-reports";
import { city } from "@/lib/config/city";
import { formatChange, formatValue } from "@/lib/content/scorecard";
import { renderMarkdown } from "@/lib/content/markdown";
import { formatInstant, localDate } from "@/lib/time";
import { formatCount, formatDate, formatMoney, formatRate, type FormatLocale } from "@/lib/format/numbers";
import { parseReportParams } from "@/lib/reports/params";
import { getLocale, getTranslations } from "next-intl/server";
import { useLocale } from "next-intl";
import type { ReportSection } from "@/lib/vocab";
import { CountTableView } from "./count-table";
import styles from "../../report.module.css";

type Params = Promise<{ program: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = parseReportParams(await params);
  const t = await getTranslations("Reports");
  return { title: p ? t("reportTitle", { year: p.year }) : t("reportTitleBare") };
}

export default async function AnnualReportPage({ params }: { params: Params }) {
  await connection();
  const p = parseReportParams(await params);
  if (!p) notFound();
  const c = city();
  const report = await getAnnualReport({
    ...p,
    today: localDate(new Date(), c.timeZone),
    demographics: c.demographics,
  });
  if (!report) notFound();
  const d = report.data;
  const area = c.areaKind === "division" ? "division" : "neighborhood";
  const [t, v, f, locale] = await Promise.all([
    getTranslations("Reports"),
    getTranslations("Vocab"),
    getTranslations("Findings"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const en = locale === "en" ? undefined : "en";
  const count = (n: number | null | undefined) => formatCount(n, locale);
  const money = (cents: number) => formatMoney(cents, locale);
  const date = (iso: string) => formatDate(iso, locale);
  const unit = (u: string) => {
    const k = `unit.${u.replace(/[^A-Za-z]+/g, "_")}`;
    return t.has(k) ? t(k) : u;
  };
  const program = locale !== "en" && v.has(`program.${d.program}`) ? v(`program.${d.program}`) : d.programName;
  // A table row's words: the publisher's keys translated where the messages know them, else the
  // published English label, marked as such.
  const rowLabel = (key: string, label: string): React.ReactNode => {
    if (locale === "en") return label;
    const [kind, status] = key.split(":");
    if (status && t.has(`row.${kind}`) && t.has(`row.${status}`)) return `${t(`row.${kind}`)}: ${t(`row.${status}`)}`;
    if (t.has(`row.${key}`)) return t(`row.${key}`);
    if (f.has(`outcome.${key}`)) return t("row.closed", { outcome: f(`outcome.${key}`).toLowerCase() });
    if (["fixed_cameras", "watch_center"].includes(d.program) && v.has(`accessReason.${key}`))
      return v(`accessReason.${key}`);
    return <span lang={en}>{label}</span>;
  };
  const table = { rowLabel, total: t("total"), count: t("count"), locale };
  const w = (k: string) => t(`area.${area}.${k}`);
  const words = { one: w("one"), many: w("many"), ones: w("ones"), header: w("header"), all: w("all"), the: w("the") };
  return (
    <article className={styles.report}>
      <p className={styles.printHead}>{t("printHead", { city: c.name, program, year: d.year })}</p>
      <h1>{t("h1Report", { program, year: d.year })}</h1>
      <p className="lede">
        {t("period", {
          from: date(d.periodStart),
          to: date(d.periodEnd),
          cutoff: formatInstant(report.cutoff, c.timeZone, locale),
          suppressed: count(null),
        })}
      </p>
      <p className="no-print">
        <a href={`/api/v1/reports/${d.program}/${d.year}`}>{t("asJson")}</a> · <Link href="/reports">{t("all")}</Link> ·{" "}
        <Link href="/council">{t("scorecard")}</Link> · {t("print")}
      </p>

      <Section id="summary" report={report} title={t("section.summary")}>
        <ul className={styles.figures}>
          <li>
            <strong>{count(d.uses.byPurpose.total.value)}</strong> {unit(d.uses.unit)}
          </li>
          <li>
            <strong>{count(d.complaints.byKindAndStatus.total.value)}</strong> {t("complaintsAndComments")}
          </li>
          <li>
            <strong>{count(d.audits.violations.value)}</strong> {t("violationsFound")}
          </li>
          <li>
            <strong>{money(d.costs.spentCents)}</strong> {t("spentOf", { approved: money(d.costs.approvedCents) })}
          </li>
        </ul>
      </Section>

      <Section id="uses" report={report} title={t("section.uses")}>
        {d.uses.byPurpose.rows.length === 0 ? (
          <p>{t("noUses", { unit: unit(d.uses.unit) })}</p>
        ) : (
          <CountTableView
            {...table}
            table={d.uses.byPurpose}
            what={t("purpose")}
            caption={capital(t("byPurpose", { unit: unit(d.uses.unit) }))}
          />
        )}
      </Section>

      <Section id="sharing" report={report} title={t("section.sharing")}>
        {d.sharing.agreements.length === 0 ? (
          <p>{t("noSharing")}</p>
        ) : (
          <table className="stack">
            <caption>{t("sharingCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("agency")}</th>
                <th scope="col">{t("direction")}</th>
                <th scope="col">{t("dataShared")}</th>
                <th scope="col">{t("inForce")}</th>
              </tr>
            </thead>
            <tbody>
              {d.sharing.agreements.map((a) => (
                <tr key={`${a.agency}-${a.startedOn}`}>
                  <th scope="row">{a.agency}</th>
                  <td data-label={t("direction")}>
                    {t.has(`directionLabel.${a.direction}`) ? t(`directionLabel.${a.direction}`) : a.direction}
                  </td>
                  <td data-label={t("dataShared")} lang={en}>
                    {a.dataShared}
                  </td>
                  <td data-label={t("inForce")}>
                    {a.endedOn
                      ? t("range", { from: date(a.startedOn), to: date(a.endedOn) })
                      : t("rangeOpen", { from: date(a.startedOn) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.sharing.sharedRecords &&
          (d.sharing.sharedRecords.rows.length === 0 ? (
            <p>{t("noShared")}</p>
          ) : (
            <CountTableView
              {...table}
              table={d.sharing.sharedRecords}
              what={t("recipient")}
              caption={t("sharedCaption")}
            />
          ))}
      </Section>

      <Section id="complaints" report={report} title={t("section.complaints")}>
        {d.complaints.byKindAndStatus.rows.length === 0 ? (
          <p>{t("noComplaints")}</p>
        ) : (
          <CountTableView
            {...table}
            table={d.complaints.byKindAndStatus}
            what={t("kindStatus")}
            caption={t("complaintsCaption")}
          />
        )}
        {d.complaints.outcomes.length > 0 && (
          <>
            <h3>{t("resolvedOutcomes")}</h3>
            <ul lang={en}>
              {d.complaints.outcomes.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="audits" report={report} title={t("section.audits")}>
        <ul className={styles.figures}>
          <li>
            <strong>{count(d.audits.flaggedRecords.value)}</strong> {t("flagged")}
          </li>
          <li>
            <strong>{count(d.audits.reviewedRecords.value)}</strong> {t("reviewed")}
          </li>
          <li>
            <strong>{count(d.audits.violations.value)}</strong> {t("violations")}
          </li>
        </ul>
        {d.audits.findingsByOutcome.rows.length === 0 ? (
          <p>{t("noFindings")}</p>
        ) : (
          <CountTableView
            {...table}
            table={d.audits.findingsByOutcome}
            what={t("outcome")}
            caption={t("findingsCaption")}
          />
        )}
      </Section>

      <Section id="costs" report={report} title={t("section.costs")}>
        {d.costs.items.length === 0 ? (
          <p>{t("noCosts", { year: d.year })}</p>
        ) : (
          <>
            <table className="stack">
              <caption>{t("costsCaption", { year: d.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("item")}</th>
                  <th scope="col">{t("fiscalYear")}</th>
                  <th scope="col">{t("funding")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col" className="num">
                    {t("approved")}
                  </th>
                  <th scope="col" className="num">
                    {t("spent")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.costs.items.map((i) => (
                  <tr key={`${i.name}-${i.fiscalYear}`}>
                    <th scope="row" lang={en}>
                      {i.name}
                    </th>
                    <td data-label={t("fiscalYear")}>{i.fiscalYear}</td>
                    <td data-label={t("funding")} lang={en}>
                      {i.fundingSource}
                    </td>
                    <td data-label={t("status")}>
                      {t.has(`budgetStatus.${i.status}`) ? t(`budgetStatus.${i.status}`) : i.status}
                    </td>
                    <td className="num" data-label={t("approved")}>
                      {money(i.approvedCents)}
                    </td>
                    <td className="num" data-label={t("spent")}>
                      {i.actualCents === null ? t("notYet") : money(i.actualCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              {t("byFunding")}
              {d.costs.byFunding.map((fs, i) => (
                <span key={fs.source}>
                  {i > 0 ? "; " : ""}
                  {t.rich("fundingItem", {
                    source: fs.source,
                    approved: money(fs.approvedCents),
                    spent: money(fs.spentCents),
                    src: (chunks) => <span lang={en}>{chunks}</span>,
                  })}
                </span>
              ))}
              .
            </p>
          </>
        )}
      </Section>

      <Section id="effectiveness" report={report} title={t("section.effectiveness")}>
        {report.effectiveness.length === 0 ? (
          <p>{t("noTargets")}</p>
        ) : (
          <table className="stack">
            <caption>{t("targetsCaption", { year: d.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("measure")}</th>
                <th scope="col">{t("thisYear")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("met")}</th>
                <th scope="col">{t("baseline")}</th>
                <th scope="col">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {report.effectiveness.map((m) => (
                <tr key={m.key}>
                  <th scope="row" lang={en}>
                    {m.label}
                  </th>
                  <td data-label={t("thisYear")}>
                    {m.value === null ? t("notPublished") : formatValue(m.value, m.unit, locale)}
                  </td>
                  <td data-label={t("target")}>
                    {m.target === null ? t("noneValue") : formatValue(m.target, m.unit, locale)}
                  </td>
                  <td data-label={t("met")}>{m.met === null ? t("cannotTell") : m.met ? t("yes") : t("no")}</td>
                  <td data-label={t("baseline")}>
                    {m.baseline === null ? t("noneValue") : formatValue(m.baseline, m.unit, locale)}
                  </td>
                  <td data-label={t("change")}>{formatChange(m, locale) ?? t("notAvailable")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="records_requests" report={report} title={t("section.records_requests")}>
        {d.recordsRequests.byOutcome.rows.length === 0 ? (
          <p>{t("noRequests")}</p>
        ) : (
          <>
            <CountTableView
              {...table}
              table={d.recordsRequests.byOutcome}
              what={t("outcome")}
              caption={t("requestsCaption")}
            />
            <p>
              {t("medianClose", {
                value:
                  d.recordsRequests.medianDaysToClose === null
                    ? t("medianSuppressed", { suppressed: count(null) })
                    : t("days", { n: d.recordsRequests.medianDaysToClose }),
              })}
            </p>
          </>
        )}
      </Section>

      <Section id="civil_rights" report={report} title={t("section.civil_rights")}>
        <table className="stack">
          <caption>{capital(t("perThousandCaption", { unit: unit(d.civilRights.unit), ...words }))}</caption>
          <thead>
            <tr>
              <th scope="col">{t("areaHeader", words)}</th>
              <th scope="col" className="num">
                {t("residents")}
              </th>
              <th scope="col" className="num">
                {t("count")}
              </th>
              <th scope="col" className="num">
                {t("per1000")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.civilRights.byArea.map((a) => (
              <tr key={a.slug}>
                <th scope="row">{a.name}</th>
                <td className="num" data-label={t("residents")}>
                  {count(a.population)}
                </td>
                <td className="num" data-label={t("count")}>
                  {count(a.count.value)}
                </td>
                <td className="num" data-label={t("per1000")}>
                  {formatRate(a.per1000, t("notPublishedShort"), locale)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("allAreas", words)}</th>
              <td className="num" data-label={t("residents")}>
                {count(d.civilRights.byArea.reduce((s, a) => s + a.population, 0))}
              </td>
              <td className="num" data-label={t("count")}>
                {count(d.civilRights.areasTotal.value)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        {report.demographics ? (
          <>
            <table>
              <caption>{capital(t("demoCaption", { unit: unit(d.civilRights.unit), ...words }))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("group")}</th>
                  <th scope="col" className="num">
                    {t("residentsEstimated")}
                  </th>
                  <th scope="col" className="num">
                    {t("per1000")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.demographics.rates.map((r) => (
                  <tr key={r.group}>
                    <th scope="row" lang={en}>
                      {r.label}
                    </th>
                    <td className="num">{count(r.residents)}</td>
                    <td className="num">{formatRate(r.per1000, t("notPublishedShort"), locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              {t("method", words)}
              {report.demographics.areasLeftOut > 0 &&
                t("leftOut", { n: report.demographics.areasLeftOut, ...words, suppressed: count(null) })}
              {t("source")}
              <span lang={en}>{report.demographics.source}</span>.
            </p>
          </>
        ) : (
          <p className="muted">{t("noDemographics", words)}</p>
        )}
      </Section>
    </article>
  );
}

function Section({
  id,
  report,
  title,
  children,
}: {
  id: ReportSection;
  report: AnnualReport;
  title: string;
  children: React.ReactNode;
}) {
  const n = report.narratives[id];
  const lang = useLocale() === "en" ? undefined : "en";
  return (
    <section id={id} data-section={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {n && (
        // Staff write the commentary in English.
        <div className={styles.narrative} lang={lang}>
          {/* Sanitized by lib/content/markdown: no scripts, event handlers or unsafe links survive. */}
          <div dangerouslySetInnerHTML={{ __html: renderMarkdown(n.body) }} />
        </div>
      )}
      {children}
    </section>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
