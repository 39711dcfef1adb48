import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { filterErrorEs } from "@/i18n/filter-errors-es";
import { Tr, pageTitle } from "@/i18n/tr";
import { ScorecardProgram } from "@/components/content/scorecard-program";
import { formatDate } from "@/lib/format/numbers";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import { loadScorecard } from "../load";
import { PeriodForm } from "../period-form";
import { PrintButton } from "./print-button";
import styles from "./print.module.css";

export const generateMetadata = pageTitle("councilPrint.title");

export default async function CouncilPrint({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}) {
  await connection();
  const [s, t, tc, locale] = await Promise.all([
    loadScorecard(await searchParams),
    getTranslations("CouncilPrint"),
    getTranslations("Council"),
    getLocale() as Promise<Locale>,
  ]);
  const asOf = s.asOf ? t("asOf", { date: formatInstant(s.asOf, city().timeZone, locale) }) : "";
  const periodText =
    locale === "en"
      ? s.periodText
      : tc("period", {
          isDefault: s.period.isDefault ? "yes" : "no",
          from: formatDate(s.period.from, locale),
          to: formatDate(s.period.to, locale),
        });
  return (
    <div className={styles.sheet}>
      <div className="no-print">
        <h1>
          <Tr k="councilPrint.h1" />
        </h1>
        <p>
          {t("intro")}
          <Link href={`/council?from=${s.period.from}&to=${s.period.to}`}>{t("back")}</Link>
        </p>
        {s.error && (
          <p role="alert" className="notice">
            {t("badPeriod", { error: locale === "en" ? s.error : filterErrorEs(s.error) })}
          </p>
        )}
        <PeriodForm from={s.period.from} to={s.period.to} action="/council/print" />
        <p>
          <PrintButton label={t("print")} />
        </p>
      </div>
      {s.cards.map((card) => (
        <div key={card.key} className={styles.page}>
          <p className={styles.head}>{t("head", { city: s.cityName, asOf })}</p>
          <ScorecardProgram card={card} periodText={periodText} />
        </div>
      ))}
    </div>
  );
}
