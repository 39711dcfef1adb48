// Camera networks and the crime center: which networks' cameras are connected, under which
// agreement and since when, for the city and per area (issue 24.3). Counts of private cameras are
// the published, suppressed ones.
import { formatCount, formatDate } from "@/lib/format/numbers";
import { networkSummary, networksByArea, type InventoryCamera, type PrivateAreaCount } from "@/lib/cameras/networks";
import { NETWORK_LABELS, labelOf } from "@/lib/cameras/vocab";
import { CAMERA_NETWORKS } from "@/lib/vocab";

const ofTotal = (part: number | null, whole: number | null) =>
  part === null || whole === null ? formatCount(null) : `${formatCount(part)} of ${formatCount(whole)}`;

export function NetworksSection({
  cameras,
  privateCounts,
  areas,
  areaNoun,
}: {
  cameras: InventoryCamera[];
  privateCounts: PrivateAreaCount[];
  areas: { slug: string; name: string }[];
  /** "Neighborhood" or "Division", from the city config. */
  areaNoun: string;
}) {
  const summary = networkSummary(cameras, privateCounts, CAMERA_NETWORKS);
  const byArea = networksByArea(cameras, privateCounts, areas, CAMERA_NETWORKS);
  if (summary.length === 0) return <p>No cameras are in service yet.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="stack">
          <caption>Cameras in service by owning network, and how many are connected to the crime center</caption>
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col" className="num">
                In service
              </th>
              <th scope="col" className="num">
                Connected
              </th>
              <th scope="col">Under agreement</th>
              <th scope="col">First connected</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={s.network}>
                <th scope="row" data-label="Network">
                  {labelOf(NETWORK_LABELS, s.network)}
                </th>
                <td className="num" data-label="In service">
                  {formatCount(s.cameras)}
                </td>
                <td className="num" data-label="Connected">
                  {formatCount(s.integrated)}
                </td>
                <td data-label="Under agreement">
                  {s.network === "police"
                    ? "Operated by the police: no agreement needed"
                    : s.agreements.length
                      ? s.agreements.join("; ")
                      : s.network === "private_business"
                        ? "Each business's registration agreement"
                        : "None connected yet"}
                </td>
                <td data-label="First connected">{s.since ? formatDate(s.since) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="stack">
          <caption>{`Connected cameras of each network by ${areaNoun.toLowerCase()} (connected of in service)`}</caption>
          <thead>
            <tr>
              <th scope="col">{areaNoun}</th>
              {byArea.networks.map((n) => (
                <th key={n} scope="col" className="num">
                  {labelOf(NETWORK_LABELS, n)}
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
                {byArea.networks.map((n) => (
                  <td key={n} className="num" data-label={labelOf(NETWORK_LABELS, n)}>
                    {ofTotal(r.cells[n].integrated, r.cells[n].cameras)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
