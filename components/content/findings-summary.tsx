// The published review findings in figures: open (small counts suppressed), closed by outcome and
// by program, each closed one listed on /findings. Shared by the council scorecard.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { FindingsSummary } from "@/db/queries/public/findings";
import { CountTable } from "@/components/tables/count-table";
import { dataLabel } from "@/i18n/data-label";
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
        <CountTable
          stack
          caption={t("caption")}
          header={t("outcome")}
          valueHeader={t("findings")}
          rows={s.byOutcome.map((o) => ({ key: o.outcome, ...dataLabel(tf.has(o.outcome) ? tf(o.outcome) : null, o.label, locale), text: formatCount(o.n, locale) }))}
        />
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
