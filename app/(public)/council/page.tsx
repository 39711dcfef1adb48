import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { filterErrorEs } from "@/i18n/filter-errors-es";
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
  const [s, meetings, findings, t, locale] = await Promise.all([
    loadScorecard(q),
    listMeetings(),
    findingsSummary(),
    getTranslations("Council"),
    getLocale() as Promise<Locale>,
  ]);
  const date = (iso: string) => formatDate(iso, locale);
  const periodText =
    locale === "en"
      ? s.periodText
      : t("period", { isDefault: s.period.isDefault ? "yes" : "no", from: date(s.period.from), to: date(s.period.to) });
  // Meeting titles, places and motions are written by staff in English.
  const en = locale === "en" ? undefined : "en";
  const qs = `from=${s.period.from}&to=${s.period.to}`;
  return (
    <>
      <h1>
        <Tr k="council.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      {s.error && (
        <p role="alert" className="notice">
          {t("badPeriod", { error: locale === "en" ? s.error : filterErrorEs(s.error) })}
        </p>
      )}
      <PeriodForm from={s.period.from} to={s.period.to} action="/council" />
      <p>
        <strong>{periodText}.</strong>{" "}
        {s.asOf && <span className="muted">{t("asOf", { date: formatInstant(s.asOf, city().timeZone, locale) })}</span>}
        <Link href={`/council/print?${qs}`}>{t("print")}</Link> ·{" "}
        <Link href="/council/prioritization">{t("prioritization")}</Link> · <Link href="/reports">{t("reports")}</Link>{" "}
        · <Link href="/well-being">{t("wellBeing")}</Link> · <Link href="/costs">{t("costs")}</Link>
      </p>
      {s.cards.map((card) => (
        <ScorecardProgram key={card.key} card={card} periodText={periodText} />
      ))}
      <h2 id="findings">{t("findingsHeading")}</h2>
      <FindingsSummaryTable summary={s.asOf ? findings : null} />
      <DownloadLinks dataset="findings-counts" label={t("findingsDownload")} />
      <h2 id="meetings">{t("meetings")}</h2>
      {meetings.length === 0 ? (
        <p>{t("noMeetings")}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <strong>{date(m.meetingDate)}</strong>:{" "}
              <span lang={en}>
                {m.title}
                {m.location ? `, ${m.location}` : ""}
              </span>
              {m.agenda.length > 0 && (
                <ul>
                  {m.agenda.map((a) => (
                    <li key={a.id}>
                      <span lang={en}>{a.title}</span>
                      {a.periodStart && a.periodEnd && (
                        <>
                          {" "}
                          (
                          <Link href={`/council?from=${a.periodStart}&to=${a.periodEnd}`}>
                            {t("scorecardFor", { from: date(a.periodStart), to: date(a.periodEnd) })}
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
                      {t("vote")}
                      <span lang={en}>{v.motion}</span>:{" "}
                      {t.has(`result.${v.result}`) ? t(`result.${v.result}`) : v.result} ({v.ayes}–{v.noes}
                      {v.abstentions ? t("abstaining", { n: v.abstentions }) : ""})
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
