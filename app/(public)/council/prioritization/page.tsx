import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { Tr, pageTitle } from "@/i18n/tr";
import { listRolloutDecisions, prioritizationData } from "@/db/queries/public/prioritization";
import { city } from "@/lib/config/city";
import { formatInstant } from "@/lib/time";
import {
  compareWithEqualWeights,
  parseWeights,
  rankAreas,
  weightsQuery,
  type Factor,
} from "@/lib/content/prioritization";
import { formatCount, formatDate } from "@/lib/format/numbers";
import styles from "@/components/content/prioritization.module.css";

export const generateMetadata = pageTitle("prioritization.title");

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PrioritizationPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const c = city();
  const area = c.areaKind === "division" ? "division" : "area";
  const [{ factors: catalog, areas, camerasByNetwork, asOf }, decisions, t, locale] = await Promise.all([
    prioritizationData(),
    listRolloutDecisions(),
    getTranslations("Prioritization"),
    getLocale() as Promise<Locale>,
  ]);
  // English reads the factors' words from the catalog; Spanish from the messages (a factor without
  // a translation, such as a city's own, stays in English and says so).
  const es = locale !== "en";
  const tf = (factor: string, part: "label" | "source" | "method") =>
    es && t.has(`factors.${factor}.${part}`)
      ? t(`factors.${factor}.${part}`, { suppressed: formatCount(null, locale) })
      : null;
  const words = (factor: string, part: "label" | "source" | "method") => {
    const def = catalog.find((x) => x.factor === factor);
    const text = tf(factor, part);
    return text ?? <span lang={es ? "en" : undefined}>{def?.[part] ?? factor}</span>;
  };
  const plain = (factor: string) => tf(factor, "label") ?? catalog.find((x) => x.factor === factor)?.label ?? factor;
  const fmt = (v: number | null) =>
    v === null ? t("noFigure") : Number.isInteger(v) ? formatCount(v, locale) : v.toFixed(1);
  const moved = (m: number) => (m > 0 ? t("up", { n: m }) : m < 0 ? t("down", { n: -m }) : "");
  const netLabel = (n: string) => (t.has(`network.${n}`) ? t(`network.${n}`) : n);
  const areaCol = t(`areaTitle.${area}`);
  const areaWord = t(`areaWord.${area}`);
  // Program names without a translation, decisions' reasons and motions are written by staff in English.
  const en = es ? "en" : undefined;
  const start = Object.fromEntries(catalog.map((f) => [f.factor, f.weight]));
  const { weights, errors, invalid, fromAddress } = parseWeights(await searchParams, start);
  const errorText = es ? invalid.map((k) => t("badWeight", { factor: plain(k) })).join("; ") : errors.join("; ");
  const factors: Factor[] = catalog.map((f) => ({ ...f, weight: weights[f.factor] }));
  const ranked = rankAreas(areas, factors);
  const compare = new Map(compareWithEqualWeights(areas, factors).map((r) => [r.slug, r]));
  const total = factors.reduce((s, f) => s + f.weight, 0);
  const share = `/council/prioritization?${weightsQuery(weights)}`;
  const networks = [...new Set(camerasByNetwork.map((n) => n.network))];
  return (
    <>
      <h1>
        <Tr k="prioritization.h1" />
      </h1>
      <p className="lede">{t("lede", { area: areaWord })}</p>
      <h2 id="decisions">{t("decisionsHeading")}</h2>
      {decisions.length === 0 ? (
        <p>{t("noDecisions", { area: areaWord })}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption>{t("decisionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{areaCol}</th>
                <th scope="col">{t("technology")}</th>
                <th scope="col">{t("stage")}</th>
                <th scope="col">{t("decided")}</th>
                <th scope="col">{t("live")}</th>
                <th scope="col">{t("why")}</th>
                <th scope="col">{t("vote")}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d, i) => (
                <tr key={i} data-decision={d.area}>
                  <th scope="row" data-label={areaCol}>
                    {d.area_name}
                  </th>
                  <td data-label={t("technology")}>
                    {es && t.has(`program.${d.program}`) ? (
                      t(`program.${d.program}`)
                    ) : (
                      <span lang={en}>{d.program_name}</span>
                    )}
                  </td>
                  <td data-label={t("stage")}>{t.has(`status.${d.status}`) ? t(`status.${d.status}`) : d.status}</td>
                  <td data-label={t("decided")}>{formatDate(d.decided_on, locale)}</td>
                  <td data-label={t("live")}>{d.live_on ? formatDate(d.live_on, locale) : t("notYet")}</td>
                  <td data-label={t("why")}>
                    <span lang={en}>{d.reason}</span>
                  </td>
                  <td data-label={t("vote")}>
                    {d.result ? (
                      <>
                        <span lang={en}>{d.motion}</span>:{" "}
                        {`${t.has(`result.${d.result}`) ? t(`result.${d.result}`) : d.result}, ${d.ayes}–${d.noes}`}
                      </>
                    ) : (
                      t("noVote")
                    )}
                    {d.abstentions ? t("abstaining", { n: d.abstentions }) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("rankingHeading")}</h2>
      {errors.length > 0 && (
        <p role="alert" className="notice">
          {t("badWeights", { errors: errorText })}
        </p>
      )}
      <form method="get" action="/council/prioritization" className={`${styles.weights} no-print`}>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: "0.6rem" }}>
          <legend>{t("weightsLegend")}</legend>
          {factors.map((f) => (
            <div key={f.factor} className={styles.weight}>
              <label htmlFor={`w-${f.factor}`}>{words(f.factor, "label")}</label>
              <input
                id={`w-${f.factor}`}
                name={`w.${f.factor}`}
                type="number"
                min={0}
                max={100}
                step={1}
                defaultValue={Math.round(f.weight * 100)}
              />
              <span>{t("shareOfScore", { pct: total > 0 ? Math.round((f.weight / total) * 100) : 0 })}</span>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t("rankButton")}</button>{" "}
          <Link href="/council/prioritization">{t("backToStaff")}</Link>
        </p>
      </form>
      <p>
        {fromAddress ? t("fromAddress") : t("fromStaff")} {t("shareLink")} <a href={share}>{share}</a>
      </p>
      <div className="table-wrap">
        <table className="stack" data-testid="ranking">
          <caption>{t("rankingCaption", { areasTitle: t(`areasTitle.${area}`) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("rank")}
              </th>
              <th scope="col">{areaCol}</th>
              <th scope="col" className="num">
                {t("score")}
              </th>
              <th scope="col" className="num">
                {t("equalRank")}
              </th>
              {factors.map((f) => (
                <th key={f.factor} scope="col" className="num">
                  {words(f.factor, "label")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((a) => {
              const cmp = compare.get(a.slug);
              return (
                <tr key={a.slug} data-area={a.slug}>
                  <td className="num" data-label={t("rank")}>
                    {a.rank}
                  </td>
                  <th scope="row" data-label={areaCol}>
                    {a.name}
                  </th>
                  <td className="num" data-label={t("score")}>
                    <strong>{a.score.toFixed(1)}</strong>
                  </td>
                  <td className="num" data-label={t("equalRank")}>
                    {cmp ? `${cmp.equalRank}${moved(cmp.moved)}` : ""}
                  </td>
                  {a.contributions.map((x) => (
                    <td key={x.factor} className="num" data-label={plain(x.factor)}>
                      {x.points.toFixed(1)} <span className="muted">({fmt(x.raw)})</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>{t("sourcesHeading")}</h2>
      <p className="muted">
        {t("asOf", {
          area: areaWord,
          date: asOf ? formatInstant(asOf, c.timeZone, locale) : t("firstPublication"),
        })}
      </p>
      <div className="table-wrap">
        <table className="stack">
          <caption>{t("factorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("factor")}</th>
              <th scope="col">{t("betterWhen")}</th>
              <th scope="col">{t("source")}</th>
              <th scope="col">{t("method")}</th>
            </tr>
          </thead>
          <tbody>
            {factors.map((f) => (
              <tr key={f.factor}>
                <th scope="row" data-label={t("factor")}>
                  {words(f.factor, "label")}
                </th>
                <td data-label={t("betterWhen")}>{f.direction === "higher_is_better" ? t("higher") : t("lower")}</td>
                <td data-label={t("source")}>{words(f.factor, "source")}</td>
                <td data-label={t("method")}>{words(f.factor, "method")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {networks.length > 0 && (
        <>
          <h2>{t("networksHeading")}</h2>
          <div className="table-wrap">
            <table className="stack">
              <caption>{t("networksCaption", { area: areaWord })}</caption>
              <thead>
                <tr>
                  <th scope="col">{areaCol}</th>
                  {networks.map((n) => (
                    <th key={n} scope="col" className="num">
                      {netLabel(n)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {areas.map((a) => (
                  <tr key={a.slug}>
                    <th scope="row">{a.name}</th>
                    {networks.map((n) => (
                      <td key={n} className="num" data-label={netLabel(n)}>
                        {formatCount(
                          camerasByNetwork.find((x) => x.area === a.slug && x.network === n)?.n ?? 0,
                          locale,
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
