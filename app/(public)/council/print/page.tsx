import Link from "next/link";
import { connection } from "next/server";
import { ScorecardProgram } from "@/components/content/scorecard-program";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import { loadScorecard } from "../load";
import { PeriodForm } from "../period-form";
import { PrintButton } from "./print-button";
import styles from "./print.module.css";

export const metadata = { title: "Council scorecard (print)" };

export default async function CouncilPrint({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}) {
  await connection();
  const s = await loadScorecard(await searchParams);
  const asOf = s.asOf ? `Data as of ${formatInstant(s.asOf, city().timeZone)}.` : "";
  return (
    <div className={styles.sheet}>
      <div className="no-print">
        <h1>Council scorecard: printable version</h1>
        <p>
          One page per program; fits Letter and A4.{" "}
          <Link href={`/council?from=${s.period.from}&to=${s.period.to}`}>Back to the scorecard</Link>
        </p>
        {s.error && (
          <p role="alert" className="notice">
            That period could not be used ({s.error}); showing the pilot to date instead.
          </p>
        )}
        <PeriodForm from={s.period.from} to={s.period.to} action="/council/print" />
        <p>
          <PrintButton />
        </p>
      </div>
      {s.cards.map((card) => (
        <div key={card.key} className={styles.page}>
          <p className={styles.head}>
            {s.cityName} · Public-safety technology pilot scorecard · {asOf}
          </p>
          <ScorecardProgram card={card} periodText={s.periodText} />
        </div>
      ))}
    </div>
  );
}
