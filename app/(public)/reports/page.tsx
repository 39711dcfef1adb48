import Link from "next/link";
import { connection } from "next/server";
import { listAnnualReports } from "@/db/queries/public/annual-reports";

export const metadata = { title: "Annual surveillance reports" };

export default async function ReportsPage() {
  await connection();
  const reports = await listAnnualReports();
  const years = [...new Set(reports.map((r) => r.year))];
  return (
    <>
      <h1>Annual surveillance reports</h1>
      <p className="lede">
        For each technology and year: how it was used and why, who the data was shared with, complaints and their
        outcomes, audits and violations, what it cost, whether it met its targets, public records requests, and activity
        by area per 1,000 residents. The figures come from the published records; staff write the commentary.
      </p>
      {reports.length === 0 ? (
        <p>No report has been published yet.</p>
      ) : (
        years.map((y) => (
          <section key={y}>
            <h2>{y}</h2>
            <ul>
              {reports
                .filter((r) => r.year === y)
                .map((r) => (
                  <li key={r.program}>
                    <Link href={`/reports/${r.program}/${r.year}`}>{r.programName}</Link> (
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
