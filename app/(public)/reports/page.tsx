import Link from "next/link";
import { connection } from "next/server";
import { listAnnualReports } from "@/db/queries/public/annual-reports";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("Reports"))("title") };
}

export default async function ReportsPage() {
  await connection();
  const [reports, t, v, locale] = await Promise.all([
    listAnnualReports(),
    getTranslations("Reports"),
    getTranslations("Vocab"),
    getLocale(),
  ]);
  // The programs' own names in English; in Spanish, their names from the messages.
  const name = (r: { program: string; programName: string }) =>
    locale !== "en" && v.has(`program.${r.program}`) ? v(`program.${r.program}`) : r.programName;
  const years = [...new Set(reports.map((r) => r.year))];
  return (
    <>
      <h1>{t("h1")}</h1>
      <p className="lede">{t("lede")}</p>
      {reports.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        years.map((y) => (
          <section key={y}>
            <h2>{y}</h2>
            <ul>
              {reports
                .filter((r) => r.year === y)
                .map((r) => (
                  <li key={r.program}>
                    <Link href={`/reports/${r.program}/${r.year}`}>{name(r)}</Link> (
                    <a href={`/api/v1/reports/${r.program}/${r.year}`}>JSON</a>)
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
