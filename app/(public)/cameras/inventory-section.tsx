// Camera inventory: city and other-agency cameras on the map and in a table; private cameras
// only as counts per area.
import { CityMap } from "@/components/maps/city-map";
import { DownloadLinks } from "@/components/opendata/download-links";
import { PhoneFold } from "@/components/tables/phone-fold";
import type { MapArea } from "@/components/maps/types";
import { useLocale, useTranslations } from "next-intl";
import { formatCount, formatDate } from "@/lib/format/numbers";
import { city } from "@/lib/config/city";
import type { PubCamera } from "@/db/queries/public/cameras";
import { CAMERA_KIND_LABELS, NETWORK_LABELS, STATUS_LABELS, labelOf } from "@/lib/cameras/vocab";

type PrivateCount = { areaSlug: string; areaName: string; count: number | null; suppressed: boolean };
type AreaCount = { key: string; label: string; count: number | null; suppressed: boolean };

export function InventorySection({
  cameras,
  privateCounts,
  sensitiveSiteCounts,
  areas,
  kindLabel = "camera",
}: {
  cameras: PubCamera[];
  privateCounts?: PrivateCount[];
  /** Cameras at sensitive sites (shelters, clinics, places of worship, schools): counts per area only. */
  sensitiveSiteCounts?: AreaCount[];
  areas: MapArea[];
  kindLabel?: string;
}) {
  const t = useTranslations("Inventory");
  const v = useTranslations("Vocab");
  const locale = useLocale() === "es" ? "es" : "en";
  const count = (n: number | null | undefined) => formatCount(n, locale);
  const kind = kindLabel === "plate reader" ? "plate_reader" : "camera";
  const label = (group: string, labels: Record<string, string>, code: string) =>
    v.has(`${group}.${code}`) ? v(`${group}.${code}`) : labelOf(labels, code);
  const areaLabels: Record<string, string> = {};
  for (const p of privateCounts ?? [])
    if (p.areaSlug !== "*") areaLabels[p.areaSlug] = t("private", { n: count(p.suppressed ? null : p.count) });
  const points = cameras.map((c) => ({
    id: c.publicId,
    label: `${c.name} (${c.siteName})`,
    lat: c.lat,
    lon: c.lon,
    kind: c.kind === "plate_reader" ? ("plate_reader" as const) : ("camera" as const),
  }));
  const privTotal = privateCounts?.find((p) => p.areaSlug === "*");
  return (
    <>
      <CityMap
        id={`inv-${kindLabel.replace(/\W/g, "")}`}
        title={t(`mapTitle.${kind}`)}
        areas={areas}
        streets={city().streets}
        points={points}
        areaLabels={privateCounts ? areaLabels : undefined}
        textAlternative="none"
      />
      {privateCounts ? (
        <div className="table-wrap">
          <table>
            <caption>{t("privateCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("area")}</th>
                <th scope="col" className="num">
                  {t("privateCameras")}
                </th>
              </tr>
            </thead>
            <tbody>
              {privateCounts
                .filter((p) => p.areaSlug !== "*")
                .map((p) => (
                  <tr key={p.areaSlug}>
                    <th scope="row">{p.areaName}</th>
                    <td className="num">{count(p.count)}</td>
                  </tr>
                ))}
            </tbody>
            {privTotal ? (
              <tfoot>
                <tr>
                  <th scope="row">{t("allAreas")}</th>
                  <td className="num">{count(privTotal.count)}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
          <DownloadLinks dataset="private-cameras-by-area" label={t("privateDownload")} />
        </div>
      ) : null}
      {sensitiveSiteCounts?.length ? <SensitiveSiteCounts counts={sensitiveSiteCounts} /> : null}
      <PhoneFold rows={cameras.length} summary={t(`showAll.${kind}`, { n: count(cameras.length) })}>
        <div className="table-wrap">
          <table className="stack">
            <caption>{t(`caption.${kind}`, { n: count(cameras.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("site")}</th>
                <th scope="col">{t("area")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("network")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("installed")}</th>
                {cameras.some((c) => c.retentionDays !== null) ? (
                  <th scope="col" className="num">
                    {t("kept")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {cameras.map((c) => (
                <tr key={c.publicId}>
                  <th scope="row" data-label={t("name")}>
                    {c.name}
                  </th>
                  <td data-label={t("site")}>{c.siteName}</td>
                  <td data-label={t("area")}>{c.areaName ?? "—"}</td>
                  <td data-label={t("type")}>{label("cameraKind", CAMERA_KIND_LABELS, c.kind)}</td>
                  <td data-label={t("network")}>
                    {label("network", NETWORK_LABELS, c.network)}
                    {c.owner === "other_agency" && c.ownerAgency ? `, ${c.ownerAgency}` : ""}
                  </td>
                  <td data-label={t("status")}>{label("cameraStatus", STATUS_LABELS, c.status)}</td>
                  <td data-label={t("installed")}>
                    {c.installedOn ? (locale === "en" ? c.installedOn : formatDate(c.installedOn, locale)) : "—"}
                  </td>
                  {cameras.some((x) => x.retentionDays !== null) ? (
                    <td className="num" data-label={t("kept")}>
                      {c.retentionDays ?? "—"}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PhoneFold>
      <DownloadLinks
        dataset="cameras"
        searchParams={kindLabel === "plate reader" ? { kind: "plate_reader" } : undefined}
        label={t(`download.${kind}`)}
      />
    </>
  );
}

/** Cameras at sensitive sites are never shown at their site or by name: only these counts. */
function SensitiveSiteCounts({ counts }: { counts: AreaCount[] }) {
  const t = useTranslations("Inventory");
  const locale = useLocale() === "es" ? "es" : "en";
  const total = counts.find((x) => x.key === "*");
  const rows = counts.filter((x) => x.key !== "*" && (x.suppressed || (x.count ?? 0) > 0));
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("sensitiveCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("area")}</th>
            <th scope="col" className="num">
              {t("sensitiveCameras")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.key}>
              <th scope="row">{x.label}</th>
              <td className="num">{formatCount(x.suppressed ? null : x.count, locale)}</td>
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row">{t("allAreas")}</th>
              <td className="num">{formatCount(total.suppressed ? null : total.count, locale)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
