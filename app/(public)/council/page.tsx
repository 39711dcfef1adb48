import Link from "next/link";
import { connection } from "next/server";
import { DownloadLinks } from "@/components/opendata/download-links";
import { listMeetings } from "@/db/queries/public/content";
import { ScorecardProgram } from "@/components/content/scorecard-program";
import { FindingsSummaryTable } from "@/components/content/findings-summary";
import { findingsSummary } from "@/db/queries/public/findings";
import { formatDate } from "@/lib/format/numbers";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import { loadScorecard } from "./load";
import { PeriodForm } from "./period-form";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("council.title");

type Search = Promise<{ from?: string | string[]; to?: string | string[] }>;

export default async function CouncilPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const q = await searchParams;
  const [s, meetings, findings] = await Promise.all([loadScorecard(q), listMeetings(), findingsSummary()]);
  const qs = `from=${s.period.from}&to=${s.period.to}`;
  return (
    <>
      <h1>
        <Tr k="council.h1" />
      </h1>
      <p className="lede">
        Each program&apos;s numbers for the period, against the targets staff set and the pre-pilot baseline. All
        numbers come from the published, privacy-protected records.
      </p>
      {s.error && (
        <p role="alert" className="notice">
          That period could not be used ({s.error}); showing the pilot to date instead.
        </p>
      )}
      <PeriodForm from={s.period.from} to={s.period.to} action="/council" />
      <p>
        <strong>{s.periodText}.</strong>{" "}
        {s.asOf && <span className="muted">Data as of {formatInstant(s.asOf, city().timeZone)}. </span>}
        <Link href={`/council/print?${qs}`}>Printable version (one page per program)</Link> ·{" "}
        <Link href="/council/prioritization">Rollout prioritization</Link> ·{" "}
        <Link href="/reports">Annual surveillance reports</Link> ·{" "}
        <Link href="/well-being">Community Safety and Well-Being strategy</Link> ·{" "}
        <Link href="/costs">Costs and milestones</Link>
      </p>
      {s.cards.map((card) => (
        <ScorecardProgram key={card.key} card={card} periodText={s.periodText} />
      ))}
      <h2 id="findings">Review findings, since launch</h2>
      <FindingsSummaryTable summary={s.asOf ? findings : null} />
      <DownloadLinks dataset="findings-counts" label="review findings counts (all types, since launch)" />
      <h2 id="meetings">Council meetings</h2>
      {meetings.length === 0 ? (
        <p>No meetings recorded.</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <strong>{formatDate(m.meetingDate)}</strong>: {m.title}
              {m.location ? `, ${m.location}` : ""}
              {m.agenda.length > 0 && (
                <ul>
                  {m.agenda.map((a) => (
                    <li key={a.id}>
                      {a.title}
                      {a.periodStart && a.periodEnd && (
                        <>
                          {" "}
                          (
                          <Link href={`/council?from=${a.periodStart}&to=${a.periodEnd}`}>
                            scorecard for {formatDate(a.periodStart)} to {formatDate(a.periodEnd)}
                          </Link>
                          )
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {m.votes.length > 0 && (
                <ul>
                  {m.votes.map((v) => (
                    <li key={v.id}>
                      Vote: {v.motion}: {v.result} ({v.ayes}–{v.noes}
                      {v.abstentions ? `, ${v.abstentions} abstaining` : ""})
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
