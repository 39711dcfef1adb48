// One program's part of the council scorecard (the same markup on screen and in print).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ProgramCard } from "@/lib/content/build-scorecard";
import { formatCount, formatDate, formatMoney } from "@/lib/format/numbers";
import { formatChange, formatValue } from "@/lib/content/scorecard";
import { Sparkline } from "./sparkline";
import styles from "./content.module.css";

const PAGE_OF: Record<string, string> = {
  drones: "drones",
  cameras: "cameras",
  plate_readers: "plateReaders",
  cso: "cso",
};

export function ScorecardProgram({ card, periodText, headingLevel = 2 }: { card: ProgramCard; periodText: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const t = useTranslations("Council.card");
  const tp = useTranslations("Pages");
  const tf = useTranslations("Findings.outcome");
  const locale = useLocale() === "es" ? "es" : "en";
  // Metric names and the computed summary sentence are written in English (lib/content).
  const en = locale === "en" ? undefined : "en";
  // The program's name as its own page calls it, in the reader's language.
  const page = PAGE_OF[card.key];
  const label = locale !== "en" && page ? tp(`${page}.h1`) : card.label;
  const labelLang = locale !== "en" && page ? undefined : en;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section className={`${styles.program} print-program`} aria-labelledby={`prog-${card.key}`} data-program={card.key}>
      <H id={`prog-${card.key}`} lang={labelLang}>{label}</H>
      <p className={styles.period}>{periodText}</p>
      <p className={styles.summary} data-testid={`summary-${card.key}`} lang={en}>{card.summary}</p>
      <div className="table-wrap">
        <table className={`${styles.compact} stack`}>
          <caption>{t("metricsCaption", { label })}</caption>
          <thead>
            <tr><th scope="col">{t("metric")}</th><th scope="col" className="num">{t("value")}</th><th scope="col" className="num">{t("target")}</th><th scope="col">{t("met")}</th><th scope="col" className="num">{t("before")}</th><th scope="col">{t("change")}</th><th scope="col">{t("trend")}</th></tr>
          </thead>
          <tbody>
            {card.metrics.map((m) => (
              <tr key={m.key}>
                <th scope="row" data-label={t("metric")} lang={en}>{m.label}</th>
                <td className="num" data-label={t("value")}>{m.value === null ? t("notPublished") : formatValue(m.value, m.unit, locale)}</td>
                <td className="num" data-label={t("target")}>{m.target === null ? t("noneSet") : formatValue(m.target, m.unit, locale)}</td>
                <td data-label={t("met")}>{m.met === null ? "—" : m.met ? <span className={styles.met}>{t("yes")}</span> : <span className={styles.missed}>{t("no")}</span>}</td>
                <td className="num" data-label={t("before")}>{m.baseline === null ? "—" : formatValue(m.baseline, m.unit, locale)}</td>
                <td data-label={t("change")}>{formatChange(m, locale) ?? "—"}{m.improved === true ? t("better") : m.improved === false ? t("worse") : ""}</td>
                <td data-label={t("trend")}><span lang={en}><Sparkline series={m.series} label={m.label} format={(v) => formatValue(v, m.unit)} /></span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.grid}>
        <div>
          <Sub>{t("costs")}</Sub>
          <p>{t("spent", { spent: money(card.costs.spentCents), approved: money(card.costs.approvedCents) })}</p>
          {card.budget.length > 0 && (
            <table className={`${styles.compact} stack`}>
              <caption className="visually-hidden">{t("budgetCaption", { label })}</caption>
              <thead><tr><th scope="col">{t("item")}</th><th scope="col" className="num">{t("approved")}</th><th scope="col" className="num">{t("actual")}</th><th scope="col" className="num">{t("variance")}</th></tr></thead>
              <tbody>
                {card.budget.map((b) => (
                  <tr key={b.name}>
                    <th scope="row" data-label={t("item")} lang={en}>{b.name}</th>
                    <td className="num" data-label={t("approved")}>{money(b.approvedAmountCents)}</td>
                    <td className="num" data-label={t("actual")}>{b.actualCostCents === null ? "—" : money(b.actualCostCents)}</td>
                    <td className="num" data-label={t("variance")}>{b.actualCostCents === null ? "—" : `${b.actualCostCents > b.approvedAmountCents ? "+" : b.actualCostCents < b.approvedAmountCents ? "−" : ""}${money(Math.abs(b.actualCostCents - b.approvedAmountCents))}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <Sub>{t("findings")}</Sub>
          {card.findings.length === 0 ? <p>{t("noFindings")}</p> : (
            <table className={`${styles.compact} stack`}>
              <caption className="visually-hidden">{t("findingsCaption", { label })}</caption>
              <thead><tr><th scope="col">{t("outcome")}</th><th scope="col" className="num">{t("closed")}</th></tr></thead>
              <tbody>
                {card.findings.map((f) => (
                  <tr key={f.outcome}><th scope="row" data-label={t("outcome")}>{tf.has(f.outcome) ? tf(f.outcome) : f.label}</th><td className="num" data-label={t("closed")}>{formatCount(f.closed, locale)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {card.findings.length > 0 && <p className={styles.note}>{t.rich("findingsNote", { link: (chunks) => <Link href="/findings">{chunks}</Link> })}</p>}
          <Sub>{t("complaints")}</Sub>
          <p>{card.complaints.total === 0 ? t("noComplaints") : t("complaintCounts", card.complaints)}</p>
          {card.sharing.length > 0 && (
            <>
              <Sub>{t("sharing")}</Sub>
              <ul className={styles.tight}>
                {card.sharing.map((s) => <li key={`${s.agency}-${s.direction}`}><span lang={en}>{s.agency}</span>: {s.direction === "both" ? t("both") : s.direction === "outbound" ? t("outbound") : t("inbound")} (<span lang={en}>{s.dataShared}</span>){s.endedOn ? t("ended", { date: formatDate(s.endedOn, locale) }) : ""}</li>)}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
