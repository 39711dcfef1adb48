// Camera inventory: city and other-agency cameras on the map and in a table; private cameras
// only as counts per area.
import { CityMap } from "@/components/maps/city-map";
import { DownloadLinks } from "@/components/opendata/download-links";
import type { MapArea } from "@/components/maps/types";
import { formatCount } from "@/lib/format/numbers";
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
  const areaLabels: Record<string, string> = {};
  for (const p of privateCounts ?? [])
    if (p.areaSlug !== "*") areaLabels[p.areaSlug] = `Private: ${formatCount(p.suppressed ? null : p.count)}`;
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
        title={`Where the city's ${kindLabel}s are`}
        areas={areas}
        streets={city().streets}
        points={points}
        areaLabels={privateCounts ? areaLabels : undefined}
        textAlternative="none"
      />
      {privateCounts ? (
        <div className="table-wrap">
          <table>
            <caption>Private cameras connected to the watch center, by area (shown only as counts)</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="num">
                  Private cameras
                </th>
              </tr>
            </thead>
            <tbody>
              {privateCounts
                .filter((p) => p.areaSlug !== "*")
                .map((p) => (
                  <tr key={p.areaSlug}>
                    <th scope="row">{p.areaName}</th>
                    <td className="num">{formatCount(p.count)}</td>
                  </tr>
                ))}
            </tbody>
            {privTotal ? (
              <tfoot>
                <tr>
                  <th scope="row">All areas</th>
                  <td className="num">{formatCount(privTotal.count)}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
          <DownloadLinks dataset="private-cameras-by-area" label="private camera counts" />
        </div>
      ) : null}
      {sensitiveSiteCounts?.length ? <SensitiveSiteCounts counts={sensitiveSiteCounts} /> : null}
      <div className="table-wrap">
        <table className="stack">
          <caption>{`Every city and partner-agency ${kindLabel} (${cameras.length})`}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Site</th>
              <th scope="col">Area</th>
              <th scope="col">Type</th>
              <th scope="col">Network / owner</th>
              <th scope="col">Status</th>
              <th scope="col">Installed</th>
              {cameras.some((c) => c.retentionDays !== null) ? (
                <th scope="col" className="num">
                  Kept (days)
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {cameras.map((c) => (
              <tr key={c.publicId}>
                <th scope="row" data-label="Name" style={{ background: "transparent" }}>
                  {c.name}
                </th>
                <td data-label="Site">{c.siteName}</td>
                <td data-label="Area">{c.areaName ?? "—"}</td>
                <td data-label="Type">{labelOf(CAMERA_KIND_LABELS, c.kind)}</td>
                <td data-label="Network / owner">
                  {labelOf(NETWORK_LABELS, c.network)}
                  {c.owner === "other_agency" && c.ownerAgency ? `, ${c.ownerAgency}` : ""}
                </td>
                <td data-label="Status">{labelOf(STATUS_LABELS, c.status)}</td>
                <td data-label="Installed">{c.installedOn ?? "—"}</td>
                {cameras.some((x) => x.retentionDays !== null) ? (
                  <td className="num" data-label="Kept (days)">
                    {c.retentionDays ?? "—"}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DownloadLinks
        dataset="cameras"
        searchParams={kindLabel === "plate reader" ? { kind: "plate_reader" } : undefined}
        label={kindLabel === "plate reader" ? "plate readers" : "camera inventory (all kinds, plate readers included)"}
      />
    </>
  );
}

/** Cameras at sensitive sites are never shown at their site or by name: only these counts. */
function SensitiveSiteCounts({ counts }: { counts: AreaCount[] }) {
  const total = counts.find((x) => x.key === "*");
  const rows = counts.filter((x) => x.key !== "*" && (x.suppressed || (x.count ?? 0) > 0));
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Cameras at sensitive sites (shelters, clinics, places of worship, schools), by area: shown only as counts,
          never on the map or by name
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" className="num">
              Cameras at sensitive sites
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.key}>
              <th scope="row">{x.label}</th>
              <td className="num">{formatCount(x.suppressed ? null : x.count)}</td>
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row">All areas</th>
              <td className="num">{formatCount(total.suppressed ? null : total.count)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
