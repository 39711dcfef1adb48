// Camera networks and the crime center: which networks' cameras are connected, under which
// agreement and since when, for the city and per area (issue 24.3), beside each area's crime-center
// stage as the council decided it (planned, approved, live). Counts of private cameras are the
// published, suppressed ones.
import { PhoneFold } from "@/components/tables/phone-fold";
import { listRolloutDecisions } from "@/db/queries/public/prioritization";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCount, formatDate, type FormatLocale } from "@/lib/format/numbers";
import { networkSummary, networksByArea, type InventoryCamera, type PrivateAreaCount } from "@/lib/cameras/networks";
import { NETWORK_LABELS, labelOf } from "@/lib/cameras/vocab";
import { CAMERA_NETWORKS } from "@/lib/vocab";

type Stage = { status: string; liveOn: string | null };

/** Each area's latest crime-center (watch center) decision: its stage and live date. */
async function crimeCenterStages(): Promise<Map<string, Stage>> {
  const out = new Map<string, Stage>();
  // Latest first: the first decision seen for an area is its stage.
  for (const d of await listRolloutDecisions())
    if (d.program === "watch_center" && !out.has(d.area)) out.set(d.area, { status: d.status, liveOn: d.live_on });
  return out;
}

type T = (key: string, values?: Record<string, string>) => string;

function stageText(s: Stage | undefined, t: T, locale: FormatLocale): string {
  if (!s) return t("noDecision");
  if (s.status === "live") return s.liveOn ? t("liveSince", { date: formatDate(s.liveOn, locale) }) : t("live");
  if (s.status === "approved")
    return s.liveOn ? t("approvedOn", { date: formatDate(s.liveOn, locale) }) : t("approved");
  return t("planned");
}

export async function NetworksSection({
  cameras,
  privateCounts,
  areas,
  areaNoun,
  areaWord,
}: {
  cameras: InventoryCamera[];
  privateCounts: PrivateAreaCount[];
  areas: { slug: string; name: string }[];
  /** "Neighborhood" or "Division", from the city config, in the page's language. */
  areaNoun: string;
  /** The same word in a sentence ("neighborhood"). */
  areaWord: string;
}) {
  const [tn, v, locale] = await Promise.all([
    getTranslations("Cameras"),
    getTranslations("Vocab"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const t: T = (key, values) => tn(`net.${key}`, values);
  const fc = (n: number | null) => formatCount(n, locale);
  const ofTotal = (part: number | null, whole: number | null) =>
    part === null || whole === null ? fc(null) : t("of", { part: fc(part), whole: fc(whole) });
  const network = (n: string) => (v.has(`network.${n}`) ? v(`network.${n}`) : labelOf(NETWORK_LABELS, n));
  // Agreement names are written by staff in English.
  const en = locale === "en" ? undefined : "en";
  const summary = networkSummary(cameras, privateCounts, CAMERA_NETWORKS);
  const stages = await crimeCenterStages();
  const count = (st: string) => [...stages.values()].filter((s) => s.status === st).length;
  const byArea = networksByArea(cameras, privateCounts, areas, CAMERA_NETWORKS);
  if (summary.length === 0) return <p>{t("none")}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="stack">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("network")}</th>
              <th scope="col" className="num">
                {t("inService")}
              </th>
              <th scope="col" className="num">
                {t("connected")}
              </th>
              <th scope="col">{t("agreement")}</th>
              <th scope="col">{t("first")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={s.network}>
                <th scope="row" data-label={t("network")}>
                  {network(s.network)}
                </th>
                <td className="num" data-label={t("inService")}>
                  {fc(s.cameras)}
                </td>
                <td className="num" data-label={t("connected")}>
                  {fc(s.integrated)}
                </td>
                <td data-label={t("agreement")}>
                  {s.network === "police" ? (
                    t("police")
                  ) : s.agreements.length ? (
                    <span lang={en}>{s.agreements.join("; ")}</span>
                  ) : s.network === "private_business" ? (
                    t("business")
                  ) : (
                    t("noneConnected")
                  )}
                </td>
                <td data-label={t("first")}>{s.since ? formatDate(s.since, locale) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stages.size > 0 && (
        <p data-testid="crime-center-stages">
          {t("stages", {
            area: areaWord,
            live: fc(count("live")),
            approved: fc(count("approved")),
            planned: fc(count("planned")),
          })}{" "}
          <a href="/council/prioritization#decisions">{t("why")}</a>
        </p>
      )}
      <PhoneFold rows={byArea.rows.length} summary={t("showByArea", { area: areaWord, n: fc(byArea.rows.length) })}>
        <div className="table-wrap">
          <table className="stack">
            <caption>{t("byArea", { area: areaWord })}</caption>
            <thead>
              <tr>
                <th scope="col">{areaNoun}</th>
                {stages.size > 0 && <th scope="col">{t("crimeCenter")}</th>}
                {byArea.networks.map((n) => (
                  <th key={n} scope="col" className="num">
                    {network(n)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byArea.rows.map((r) => (
                <tr key={r.areaSlug}>
                  <th scope="row" data-label={areaNoun}>
                    {r.areaName}
                  </th>
                  {stages.size > 0 && (
                    <td data-label={t("crimeCenter")}>{stageText(stages.get(r.areaSlug), t, locale)}</td>
                  )}
                  {byArea.networks.map((n) => (
                    <td key={n} className="num" data-label={network(n)}>
                      {ofTotal(r.cells[n].integrated, r.cells[n].cameras)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PhoneFold>
    </>
  );
}
