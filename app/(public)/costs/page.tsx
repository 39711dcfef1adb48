import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { Tr, pageTitle } from "@/i18n/tr";
import { DownloadLinks } from "@/components/opendata/download-links";
import { listBudgetItems, listInitiatives } from "@/db/queries/public/content";
import { formatDate, formatMoney } from "@/lib/format/numbers";
import { milestoneState } from "@/lib/content/milestone-status";
import { summarizeCosts, type CostSummary } from "@/lib/content/scorecard";
import { city } from "@/lib/config/city";
import { isoDateIn } from "@/lib/format/intl";
import { costSentence } from "@/lib/content/summary";
import { langWhereDifferent, localizeInitiative, localizeMilestone } from "@/lib/content/bilingual";

export const generateMetadata = pageTitle("costs.title");

type T = Awaited<ReturnType<typeof getTranslations<"Costs">>>;

/** The cost paragraph in Spanish; item names and staff notes stay as written, marked English. */
function SpanishCostSentence({ c, t, locale }: { c: CostSummary; t: T; locale: Locale }) {
  const money = (cents: number) => formatMoney(cents, locale);
  if (c.approvedCents === 0 && c.spentCents === 0) return <>{t("summary.none")}</>;
  const v = c.varianceCents;
  return (
    <>
      {t("summary.spent", { spent: money(c.spentCents), approved: money(c.approvedCents) })}
      {c.approvedForSpentCents > 0 &&
        (v === 0
          ? t("summary.match")
          : v > 0
            ? t("summary.over", { amount: money(v) })
            : t("summary.under", { amount: money(-v) }))}
      .
      {c.overBudget.map((o, i) => (
        <span key={i}>
          {" "}
          <span lang="en">{o.name}</span> {t("summary.itemOver", { amount: money(o.overCents) })}
          {o.note?.trim() ? (
            <>
              {" "}
              (<span lang="en">{o.note.trim().replace(/\.$/, "")}</span>)
            </>
          ) : null}
          .
        </span>
      ))}
    </>
  );
}

export default async function CostsPage() {
  await connection();
  const [items, inits, t, locale] = await Promise.all([
    listBudgetItems(),
    listInitiatives(),
    getTranslations("Costs"),
    getLocale() as Promise<Locale>,
  ]);
  const total = summarizeCosts(items);
  const today = isoDateIn(new Date(), city().timeZone);
  const es = locale !== "en";
  // Item names, notes and funding sources are written by staff in English; initiatives and
  // milestones may have a Spanish version (the English one is marked when there is none).
  const en = es ? "en" : undefined;
  const money = (cents: number) => formatMoney(cents, locale);
  const date = (iso: string) => formatDate(iso, locale);
  const variance = (v: number) =>
    v === 0 ? t("onBudget") : v > 0 ? t("over", { amount: money(v) }) : t("under", { amount: money(-v) });
  const milestone = (m: { dueDate: string | null; completedDate: string | null }) => {
    const state = milestoneState(m, today);
    if (state === "done") return t("milestone.done", { date: date(m.completedDate!) });
    if (state === "done_late") return t("milestone.doneLate", { date: date(m.completedDate!), due: date(m.dueDate!) });
    if (state === "late") return t("milestone.late", { due: date(m.dueDate!) });
    if (state === "upcoming") return t("milestone.upcoming", { due: date(m.dueDate!) });
    return t("milestone.unscheduled");
  };
  return (
    <>
      <h1>
        <Tr k="costs.h1" />
      </h1>
      <p className="lede">
        {t("lede")} {es ? <SpanishCostSentence c={total} t={t} locale={locale} /> : costSentence(total)}
      </p>
      <div className="table-wrap">
        <table className="stack">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("item")}</th>
              <th scope="col">{t("program")}</th>
              <th scope="col" className="num">
                {t("approved")}
              </th>
              <th scope="col" className="num">
                {t("actual")}
              </th>
              <th scope="col" className="num">
                {t("variance")}
              </th>
              <th scope="col">{t("fundingSource")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("fiscalYear")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => {
              const v = b.actualCostCents === null ? null : b.actualCostCents - b.approvedAmountCents;
              return (
                <tr key={b.id}>
                  <th scope="row" data-label={t("item")}>
                    <span lang={en}>{b.name}</span>
                    {b.note && (
                      <div className="muted" style={{ fontWeight: 400 }} lang={en}>
                        {b.note}
                      </div>
                    )}
                  </th>
                  <td data-label={t("program")}>
                    {b.programName === null ? (
                      t("cityWide")
                    ) : es && b.programSlug && t.has(`programs.${b.programSlug}`) ? (
                      t(`programs.${b.programSlug}`)
                    ) : (
                      <span lang={en}>{b.programName}</span>
                    )}
                  </td>
                  <td className="num" data-label={t("approved")}>
                    {money(b.approvedAmountCents)}
                  </td>
                  <td className="num" data-label={t("actual")}>
                    {b.actualCostCents === null ? t("notSpent") : money(b.actualCostCents)}
                  </td>
                  <td className="num" data-label={t("variance")}>
                    {v === null ? "—" : variance(v)}
                  </td>
                  <td data-label={t("fundingSource")}>
                    <span lang={en}>{b.fundingSource}</span>
                  </td>
                  <td data-label={t("status")}>
                    {t.has(`statuses.${b.status}`) ? t(`statuses.${b.status}`) : b.status}
                  </td>
                  <td data-label={t("fiscalYear")}>{b.fiscalYear}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              <td className="no-stack" />
              <td className="num" data-label={t("approved")}>
                {money(total.approvedCents)}
              </td>
              <td className="num" data-label={t("actual")}>
                {money(total.spentCents)}
              </td>
              <td className="num" data-label={t("variance")}>
                {variance(total.varianceCents)}
              </td>
              <td colSpan={3} className="muted">
                {t("varianceNote")}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <DownloadLinks dataset="budget-items" label={es ? t("download") : undefined} />
      <h2>{t("initiatives")}</h2>
      {inits.map((i) => {
        const name = localizeInitiative(i, locale);
        const lang = langWhereDifferent(name.lang, locale);
        return (
          <section key={i.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`init-${i.id}`}>
            <h3 id={`init-${i.id}`} style={{ marginTop: 0 }} lang={lang}>
              {name.name}
            </h3>
            <p className="muted" style={{ margin: 0 }}>
              {t.has(`serviceArea.${i.serviceArea}`) ? t(`serviceArea.${i.serviceArea}`) : i.serviceArea}
              {i.programName ? (
                <>
                  {" · "}
                  {es && i.programSlug && t.has(`programs.${i.programSlug}`) ? (
                    t(`programs.${i.programSlug}` as "programs.cso")
                  ) : (
                    <span lang={en}>{i.programName}</span>
                  )}
                </>
              ) : (
                ""
              )}
            </p>
            {name.description && <p lang={lang}>{name.description}</p>}
            <ol>
              {i.milestones.map((m) => {
                const ms = localizeMilestone(m, locale);
                const mLang = langWhereDifferent(ms.lang, locale);
                return (
                  <li key={m.id}>
                    <strong>{t.has(`kind.${m.kind}`) ? t(`kind.${m.kind}`) : m.kind}</strong>:{" "}
                    <span lang={mLang}>{ms.title}</span>. {milestone(m)}
                    {ms.note ? (
                      <>
                        {" "}
                        <span lang={mLang}>{ms.note}</span>
                      </>
                    ) : (
                      ""
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </>
  );
}
