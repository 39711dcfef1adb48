// One program's part of the council scorecard (the same markup on screen and in print).
import Link from "next/link";
import type { ProgramCard } from "@/lib/content/build-scorecard";
import { formatCount, formatMoney } from "@/lib/format/numbers";
import { formatChange, formatValue } from "@/lib/content/scorecard";
import { Sparkline } from "./sparkline";
import styles from "./content.module.css";

export function ScorecardProgram({ card, periodText, headingLevel = 2 }: { card: ProgramCard; periodText: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section className={`${styles.program} print-program`} aria-labelledby={`prog-${card.key}`} data-program={card.key}>
      <H id={`prog-${card.key}`}>{card.label}</H>
      <p className={styles.period}>{periodText}</p>
      <p className={styles.summary} data-testid={`summary-${card.key}`}>{card.summary}</p>
      <div className="table-wrap">
        <table className={`${styles.compact} stack`}>
          <caption>{card.label}: metrics against targets</caption>
          <thead>
            <tr><th scope="col">Metric</th><th scope="col" className="num">Value</th><th scope="col" className="num">Target</th><th scope="col">Met?</th><th scope="col" className="num">Before the pilot</th><th scope="col">Change</th><th scope="col">Trend by month</th></tr>
          </thead>
          <tbody>
            {card.metrics.map((m) => (
              <tr key={m.key}>
                <th scope="row" data-label="Metric">{m.label}</th>
                <td className="num" data-label="Value">{m.value === null ? "not published" : formatValue(m.value, m.unit)}</td>
                <td className="num" data-label="Target">{m.target === null ? "none set" : formatValue(m.target, m.unit)}</td>
                <td data-label="Met?">{m.met === null ? "—" : m.met ? <span className={styles.met}>✓ Met</span> : <span className={styles.missed}>✗ Not met</span>}</td>
                <td className="num" data-label="Before the pilot">{m.baseline === null ? "—" : formatValue(m.baseline, m.unit)}</td>
                <td data-label="Change">{formatChange(m) ?? "—"}{m.improved === true ? " (better)" : m.improved === false ? " (worse)" : ""}</td>
                <td data-label="Trend by month"><Sparkline series={m.series} label={m.label} format={(v) => formatValue(v, m.unit)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.grid}>
        <div>
          <Sub>Costs to date</Sub>
          <p>{formatMoney(card.costs.spentCents)} spent of {formatMoney(card.costs.approvedCents)} approved.</p>
          {card.budget.length > 0 && (
            <table className={`${styles.compact} stack`}>
              <caption className="visually-hidden">{card.label}: budget items</caption>
              <thead><tr><th scope="col">Item</th><th scope="col" className="num">Approved</th><th scope="col" className="num">Actual</th><th scope="col" className="num">Variance</th></tr></thead>
              <tbody>
                {card.budget.map((b) => (
                  <tr key={b.name}>
                    <th scope="row" data-label="Item">{b.name}</th>
                    <td className="num" data-label="Approved">{formatMoney(b.approvedAmountCents)}</td>
                    <td className="num" data-label="Actual">{b.actualCostCents === null ? "—" : formatMoney(b.actualCostCents)}</td>
                    <td className="num" data-label="Variance">{b.actualCostCents === null ? "—" : `${b.actualCostCents > b.approvedAmountCents ? "+" : b.actualCostCents < b.approvedAmountCents ? "−" : ""}${formatMoney(Math.abs(b.actualCostCents - b.approvedAmountCents))}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <Sub>Review findings</Sub>
          {card.findings.length === 0 ? <p>No closed review findings cover this program&apos;s records yet.</p> : (
            <table className={`${styles.compact} stack`}>
              <caption className="visually-hidden">{card.label}: closed review findings by outcome</caption>
              <thead><tr><th scope="col">Outcome</th><th scope="col" className="num">Closed findings</th></tr></thead>
              <tbody>
                {card.findings.map((f) => (
                  <tr key={f.outcome}><th scope="row" data-label="Outcome">{f.label}</th><td className="num" data-label="Closed findings">{formatCount(f.closed)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {card.findings.length > 0 && <p className={styles.note}>Closed findings with the outcome published on <Link href="/findings">the findings page</Link>; a finding covering records of two programs counts in both.</p>}
          <Sub>Complaints from residents</Sub>
          <p>{card.complaints.total === 0 ? "No complaints received." : `${card.complaints.total} received: ${card.complaints.open} open, ${card.complaints.resolved} resolved, ${card.complaints.dismissed} closed without action.`}</p>
          {card.sharing.length > 0 && (
            <>
              <Sub>Data-sharing agreements</Sub>
              <ul className={styles.tight}>
                {card.sharing.map((s) => <li key={`${s.agency}-${s.direction}`}>{s.agency}: {s.direction === "both" ? "shares both ways" : s.direction === "outbound" ? "receives our data" : "shares data with us"} ({s.dataShared}){s.endedOn ? `, ended ${s.endedOn}` : ""}</li>)}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
