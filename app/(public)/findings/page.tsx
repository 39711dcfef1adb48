import { connection } from "next/server";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { listPublicFindings, recordsOfFindings } from "@/db/queries/public/findings";
import { formatDate } from "@/lib/format/numbers";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("findings.title");

export default async function FindingsPage() {
  await connection();
  const [rows, covered, t, locale] = await Promise.all([
    listPublicFindings(),
    recordsOfFindings({ limit: 50 }),
    getTranslations("Findings"),
    getLocale() as Promise<Locale>,
  ]);
  // English keeps the ISO dates it always showed; Spanish readers get dates written out.
  const date = (iso: string) => (locale === "en" ? iso : formatDate(iso, locale));
  // A code the messages do not know (a new vocabulary entry) shows as stored rather than failing.
  const label = (group: "outcome" | "programs" | "record", key: string, fallback: string) => {
    const k = `${group}.${key}`;
    return t.has(k) ? t(k) : fallback;
  };
  // The summary is written by auditors in English.
  const staffLang = locale === "en" ? undefined : "en";
  return (
    <>
      <h1>
        <Tr k="findings.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="plain">
          {rows.map((f) => (
            <li key={f.number} id={`finding-${f.number}`}>
              <h2>
                {t("heading", { number: f.number })}
                {label("outcome", f.outcome, f.outcomeLabel)}
              </h2>
              <p>
                {t("facts", {
                  programs: f.programs
                    .split(",")
                    .map((p) => label("programs", p, p))
                    .join(", "),
                  records: f.records,
                  from: date(f.periodStart),
                  to: f.periodEnd !== f.periodStart ? date(f.periodEnd) : "none",
                  closed: date(f.closedOn),
                })}
              </p>
              <p lang={staffLang}>{f.summary}</p>
              {(covered.get(f.number)?.length ?? 0) > 0 && (
                <details>
                  <summary>
                    {t("covered")}
                    {f.records > (covered.get(f.number)?.length ?? 0) ? t("coveredSome") : ""}
                  </summary>
                  <ul aria-label={t("coveredLabel", { number: f.number })}>
                    {covered.get(f.number)!.map((r) => (
                      <li key={`${r.recordType}:${r.publicId}`}>
                        <Link href={r.href}>
                          {label("record", r.recordType, r.recordType)} {r.publicId}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
