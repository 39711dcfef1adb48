import { connection } from "next/server";
import { listInitiatives } from "@/db/queries/public/content";
import { listEngagementThemes, listStrategyPhases } from "@/db/queries/public/well-being";
import { feedbackCountsByTheme } from "@/db/queries/public/feedback-context";
import { rules } from "@/lib/publish/rules";
import { city } from "@/lib/config/city";
import { localDate } from "@/lib/time";
import { phaseStatus } from "@/lib/content/strategy";
import { formatCount, formatDate, type FormatLocale } from "@/lib/format/numbers";
import { SERVICE_AREAS } from "@/lib/vocab";
import { langWhereDifferent, localizeInitiative, localizeMilestone } from "@/lib/content/bilingual";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("WellBeing"))("title") };
}

export default async function WellBeingPage() {
  await connection();
  const c = city();
  const today = localDate(new Date(), c.timeZone);
  const [initiatives, phases, themes, filed, t, tc, locale] = await Promise.all([
    listInitiatives(),
    listStrategyPhases(),
    listEngagementThemes(),
    feedbackCountsByTheme(),
    getTranslations("WellBeing"),
    getTranslations("Costs"),
    getLocale() as Promise<FormatLocale>,
  ]);
  // Messages residents filed under a theme: a small count is shown as a range, like every count.
  const filedText = (n: number) => (n > 0 && n < rules.minCount ? formatCount(null, locale) : formatCount(n, locale));
  const totalComments = themes.reduce((s, th) => s + th.comments, 0);
  const date = (iso: string) => formatDate(iso, locale);
  // Staff write the phases' summaries and themes in English; initiatives and milestones may have a
  // Spanish version (the English one is marked when there is none).
  const en = locale === "en" ? undefined : "en";
  const status = (st: string) =>
    t.has(`initiativeStatus.${st}`) ? t(`initiativeStatus.${st}`) : <span lang={en}>{st.replace(/_/g, " ")}</span>;
  return (
    <>
      <h1>{t("h1")}</h1>
      <p className="lede">{t("lede")}</p>

      <h2>{t("phases")}</h2>
      {phases.length === 0 ? (
        <p>{t("noPhases")}</p>
      ) : (
        <table>
          <caption>{t("phasesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("phase")}</th>
              <th scope="col">{t("dates")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("summary")}</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((p) => (
              <tr key={p.phase}>
                <th scope="row">{t(`phaseLabel.${p.phase}`)}</th>
                <td>{t("range", { from: date(p.startsOn), to: p.endsOn ? date(p.endsOn) : t("ongoing") })}</td>
                <td>{t(`phaseStatus.${phaseStatus(p, today)}`)}</td>
                <td lang={en}>{p.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {SERVICE_AREAS.map((area) => {
        const items = initiatives.filter((i) => i.serviceArea === area);
        return (
          <section key={area} aria-labelledby={`sa-${area}`}>
            <h2 id={`sa-${area}`}>{t(`serviceArea.${area}`)}</h2>
            {items.length === 0 ? (
              <p>{t("noInitiatives")}</p>
            ) : (
              <ul>
                {items.map((i) => {
                  const name = localizeInitiative(i, locale);
                  const lang = langWhereDifferent(name.lang, locale);
                  return (
                    <li key={i.id}>
                      <strong lang={lang}>{name.name}</strong>
                      {i.programName ? (
                        locale !== "en" && i.programSlug && tc.has(`programs.${i.programSlug}`) ? (
                          ` (${tc(`programs.${i.programSlug}`)})`
                        ) : (
                          <span lang={en}>{` (${i.programName})`}</span>
                        )
                      ) : (
                        ""
                      )}
                      : {status(i.status)}
                      {name.description ? (
                        <>
                          . <span lang={lang}>{name.description}</span>
                        </>
                      ) : (
                        ""
                      )}
                      {i.milestones.length > 0 && (
                        <ul>
                          {i.milestones.map((m) => {
                            const ms = localizeMilestone(m, locale);
                            return (
                              <li key={m.id}>
                                <span lang={langWhereDifferent(ms.lang, locale)}>{ms.title}</span>:{" "}
                                {m.completedDate
                                  ? t("done", { date: date(m.completedDate) })
                                  : m.dueDate
                                    ? t("due", { date: date(m.dueDate) })
                                    : t("noDate")}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}

      <h2>{t("said")}</h2>
      {themes.length === 0 ? (
        <p>{t("noThemes")}</p>
      ) : (
        <table className="stack">
          <caption>{t("themesCaption", { n: formatCount(totalComments, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("theme")}</th>
              <th scope="col">{t("area")}</th>
              <th scope="col" className="num">
                {t("comments")}
              </th>
              <th scope="col" className="num">
                {t("filed")}
              </th>
              <th scope="col">{t("whatSaid")}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((th) => (
              <tr key={th.id}>
                <th scope="row" lang={en}>
                  {th.theme}
                </th>
                <td data-label={t("area")}>{th.serviceArea ? t(`serviceArea.${th.serviceArea}`) : t("all")}</td>
                <td className="num" data-label={t("comments")}>
                  {formatCount(th.comments, locale)}
                </td>
                <td className="num" data-label={t("filed")} data-theme-filed={th.theme}>
                  {filedText(filed.get(th.id) ?? 0)}
                </td>
                <td data-label={t("whatSaid")} lang={en}>
                  {th.summary}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
