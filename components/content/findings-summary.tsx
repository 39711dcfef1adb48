// The published review findings in figures: open (small counts suppressed), closed by outcome and
// by program, each closed one listed on /findings. Shared by the council scorecard.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { FindingsSummary } from "@/db/queries/public/findings";
import { formatCount } from "@/lib/format/numbers";

export function FindingsSummaryTable(props: { summary: FindingsSummary | null }) {
  const t = useTranslations("Council.summary");
  const tf = useTranslations("Findings.outcome");
  const locale = useLocale() === "es" ? "es" : "en";
  const s = props.summary;
  if (!s) return <p>{t("notYet")}</p>;
  const program = (p: string) => (t.has(`programs.${p}`) ? t(`programs.${p}`) : p);
  return (
    <>
      <p>
        {t.rich("counts", {
          open: formatCount(s.openSuppressed ? null : s.open, locale),
          closed: formatCount(s.closed, locale),
          b: (chunks) => <strong>{chunks}</strong>,
          link: (chunks) => <Link href="/findings">{chunks}</Link>,
        })}
      </p>
      {s.closed > 0 && (
        <table className="stack">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outcome")}</th>
              <th scope="col" className="num">
                {t("findings")}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.byOutcome.map((o) => (
              <tr key={o.outcome}>
                <th scope="row" data-label={t("outcome")}>
                  {tf.has(o.outcome) ? tf(o.outcome) : o.label}
                </th>
                <td className="num" data-label={t("findings")}>
                  {formatCount(o.n, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {Object.keys(s.byProgram).length > 0 && (
        <p className="muted">
          {t("byProgram", {
            list: Object.entries(s.byProgram)
              .sort()
              .map(([p, n]) => `${program(p)} ${formatCount(n, locale)}`)
              .join(" · "),
          })}
        </p>
      )}
    </>
  );
}
