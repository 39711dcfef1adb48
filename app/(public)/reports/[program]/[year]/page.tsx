import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getAnnualReport, type AnnualReport } from "@/db/queries/public/annual-reports";
import { city } from "@/lib/config/city";
import { formatChange, formatValue } from "@/lib/content/scorecard";
import { renderMarkdown } from "@/lib/content/markdown";
import { formatInstant, localDate } from "@/lib/time";
import { formatCount, formatDate, formatMoney, formatRate, SUPPRESSED_TEXT } from "@/lib/format/numbers";
import { REPORT_SECTION_TITLES } from "@/lib/reports/annual";
import { parseReportParams } from "@/lib/reports/params";
import type { ReportSection } from "@/lib/vocab";
import { CountTableView } from "./count-table";
import styles from "../../report.module.css";

type Params = Promise<{ program: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = parseReportParams(await params);
  return { title: p ? `Annual surveillance report ${p.year}` : "Annual surveillance report" };
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
  const areaWord = c.areaKind === "division" ? "division" : "neighborhood";
  return (
    <article className={styles.report}>
      <p className={styles.printHead}>
        {c.name} · Annual surveillance report · {d.programName} · {d.year}
      </p>
      <h1>
        {d.programName}: annual surveillance report, {d.year}
      </h1>
      <p className="lede">
        {formatDate(d.periodStart)} to {formatDate(d.periodEnd)}. Records that ended before{" "}
        {formatInstant(report.cutoff, c.timeZone)} are counted; a number between 1 and 10 is shown as “
        {formatCount(null)}”.
      </p>
      <p className="no-print">
        <a href={`/api/v1/reports/${d.program}/${d.year}`}>This report as JSON</a> ·{" "}
        <Link href="/reports">All reports</Link> · <Link href="/council">Council scorecard</Link> · Print this page for
        a PDF.
      </p>

      <Section id="summary" report={report}>
        <ul className={styles.figures}>
          <li>
            <strong>{formatCount(d.uses.byPurpose.total.value)}</strong> {d.uses.unit}
          </li>
          <li>
            <strong>{formatCount(d.complaints.byKindAndStatus.total.value)}</strong> complaints and comments
          </li>
          <li>
            <strong>{formatCount(d.audits.violations.value)}</strong> violations found
          </li>
          <li>
            <strong>{formatMoney(d.costs.spentCents)}</strong> spent of {formatMoney(d.costs.approvedCents)} approved
          </li>
        </ul>
      </Section>

      <Section id="uses" report={report}>
        {d.uses.byPurpose.rows.length === 0 ? (
          <p>No {d.uses.unit} were recorded this year.</p>
        ) : (
          <CountTableView table={d.uses.byPurpose} what="Purpose" caption={`${capital(d.uses.unit)} by purpose`} />
        )}
      </Section>

      <Section id="sharing" report={report}>
        {d.sharing.agreements.length === 0 ? (
          <p>No data-sharing agreement was in force for this technology this year.</p>
        ) : (
          <table className="stack">
            <caption>Sharing agreements in force during the year</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Direction</th>
                <th scope="col">Data shared</th>
                <th scope="col">In force</th>
              </tr>
            </thead>
            <tbody>
              {d.sharing.agreements.map((a) => (
                <tr key={`${a.agency}-${a.startedOn}`}>
                  <th scope="row">{a.agency}</th>
                  <td data-label="Direction">{a.direction}</td>
                  <td data-label="Data shared">{a.dataShared}</td>
                  <td data-label="In force">
                    {formatDate(a.startedOn)} to {a.endedOn ? formatDate(a.endedOn) : "now"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.sharing.sharedRecords &&
          (d.sharing.sharedRecords.rows.length === 0 ? (
            <p>No records were shared with another agency this year.</p>
          ) : (
            <CountTableView table={d.sharing.sharedRecords} what="Recipient" caption="Records shared, by recipient" />
          ))}
      </Section>

      <Section id="complaints" report={report}>
        {d.complaints.byKindAndStatus.rows.length === 0 ? (
          <p>No complaints or comments about this technology were received this year.</p>
        ) : (
          <CountTableView
            table={d.complaints.byKindAndStatus}
            what="Kind and status"
            caption="Complaints and comments received during the year"
          />
        )}
        {d.complaints.outcomes.length > 0 && (
          <>
            <h3>Outcomes of resolved complaints</h3>
            <ul>
              {d.complaints.outcomes.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="audits" report={report}>
        <ul className={styles.figures}>
          <li>
            <strong>{formatCount(d.audits.flaggedRecords.value)}</strong> records flagged for review
          </li>
          <li>
            <strong>{formatCount(d.audits.reviewedRecords.value)}</strong> records reviewed by council staff
          </li>
          <li>
            <strong>{formatCount(d.audits.violations.value)}</strong> violations (policy violation or referred for
            discipline)
          </li>
        </ul>
        {d.audits.findingsByOutcome.rows.length === 0 ? (
          <p>No findings were opened about this technology this year.</p>
        ) : (
          <CountTableView table={d.audits.findingsByOutcome} what="Outcome" caption="Findings opened, by outcome" />
        )}
      </Section>

      <Section id="costs" report={report}>
        {d.costs.items.length === 0 ? (
          <p>No budget item for a fiscal year overlapping {d.year} is recorded for this technology.</p>
        ) : (
          <>
            <table className="stack">
              <caption>Budget items in fiscal years overlapping {d.year}</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Fiscal year</th>
                  <th scope="col">Funding</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Approved
                  </th>
                  <th scope="col" className="num">
                    Spent
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.costs.items.map((i) => (
                  <tr key={`${i.name}-${i.fiscalYear}`}>
                    <th scope="row">{i.name}</th>
                    <td data-label="Fiscal year">{i.fiscalYear}</td>
                    <td data-label="Funding">{i.fundingSource}</td>
                    <td data-label="Status">{i.status}</td>
                    <td className="num" data-label="Approved">
                      {formatMoney(i.approvedCents)}
                    </td>
                    <td className="num" data-label="Spent">
                      {i.actualCents === null ? "not yet" : formatMoney(i.actualCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              By funding source:{" "}
              {d.costs.byFunding
                .map((f) => `${f.source}, ${formatMoney(f.approvedCents)} approved, ${formatMoney(f.spentCents)} spent`)
                .join("; ")}
              .
            </p>
          </>
        )}
      </Section>

      <Section id="effectiveness" report={report}>
        {report.effectiveness.length === 0 ? (
          <p>Staff have set no target for this technology.</p>
        ) : (
          <table className="stack">
            <caption>Targets for {d.year}, against the pre-pilot baseline where there is one</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">This year</th>
                <th scope="col">Target</th>
                <th scope="col">Met?</th>
                <th scope="col">Baseline</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {report.effectiveness.map((m) => (
                <tr key={m.key}>
                  <th scope="row">{m.label}</th>
                  <td data-label="This year">
                    {m.value === null ? "not published (too few events)" : formatValue(m.value, m.unit)}
                  </td>
                  <td data-label="Target">{m.target === null ? "none" : formatValue(m.target, m.unit)}</td>
                  <td data-label="Met?">{m.met === null ? "cannot tell" : m.met ? "yes" : "no"}</td>
                  <td data-label="Baseline">{m.baseline === null ? "none" : formatValue(m.baseline, m.unit)}</td>
                  <td data-label="Change">{formatChange(m) ?? "not available"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="records_requests" report={report}>
        {d.recordsRequests.byOutcome.rows.length === 0 ? (
          <p>No public records request about this technology was received this year.</p>
        ) : (
          <>
            <CountTableView
              table={d.recordsRequests.byOutcome}
              what="Outcome"
              caption="Requests received, by outcome"
            />
            <p>
              Median time to close:{" "}
              {d.recordsRequests.medianDaysToClose === null
                ? `not published (${SUPPRESSED_TEXT} closed requests)`
                : `${d.recordsRequests.medianDaysToClose} days`}
              .
            </p>
          </>
        )}
      </Section>

      <Section id="civil_rights" report={report}>
        <table className="stack">
          <caption>
            {capital(d.civilRights.unit)} per 1,000 residents, by {areaWord}
          </caption>
          <thead>
            <tr>
              <th scope="col">{capital(areaWord)}</th>
              <th scope="col" className="num">
                Residents
              </th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col" className="num">
                Per 1,000 residents
              </th>
            </tr>
          </thead>
          <tbody>
            {d.civilRights.byArea.map((a) => (
              <tr key={a.slug}>
                <th scope="row">{a.name}</th>
                <td className="num" data-label="Residents">
                  {formatCount(a.population)}
                </td>
                <td className="num" data-label="Count">
                  {formatCount(a.count.value)}
                </td>
                <td className="num" data-label="Per 1,000 residents">
                  {formatRate(a.per1000, "not published")}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All {areaWord}s</th>
              <td className="num" data-label="Residents">
                {formatCount(d.civilRights.byArea.reduce((s, a) => s + a.population, 0))}
              </td>
              <td className="num" data-label="Count">
                {formatCount(d.civilRights.areasTotal.value)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        {report.demographics ? (
          <>
            <table>
              <caption>
                {capital(d.civilRights.unit)} per 1,000 residents, by demographic group of the {areaWord}s
              </caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col" className="num">
                    Residents (estimated)
                  </th>
                  <th scope="col" className="num">
                    Per 1,000 residents
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.demographics.rates.map((r) => (
                  <tr key={r.group}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{formatCount(r.residents)}</td>
                    <td className="num">{formatRate(r.per1000, "not published")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              Method: each {areaWord}&apos;s published count is shared among its residents in proportion to each
              group&apos;s share of them, then added up per group.
              {report.demographics.areasLeftOut > 0 &&
                ` ${report.demographics.areasLeftOut} ${areaWord}(s) with a count shown as “${formatCount(null)}” are left out.`}{" "}
              Source: {report.demographics.source}.
            </p>
          </>
        ) : (
          <p className="muted">The city has not configured demographic figures for its {areaWord}s.</p>
        )}
      </Section>
    </article>
  );
}

function Section({ id, report, children }: { id: ReportSection; report: AnnualReport; children: React.ReactNode }) {
  const n = report.narratives[id];
  return (
    <section id={id} data-section={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{REPORT_SECTION_TITLES[id]}</h2>
      {n && (
        <div className={styles.narrative}>
          {/* Sanitized by lib/content/markdown: no scripts, event handlers or unsafe links survive. */}
          <div dangerouslySetInnerHTML={{ __html: renderMarkdown(n.body) }} />
        </div>
      )}
      {children}
    </section>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
