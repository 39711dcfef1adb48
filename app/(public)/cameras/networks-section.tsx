// Camera networks and the crime center: which networks' cameras are connected, under which
// agreement and since when, for the city and per area (issue 24.3), beside each area's crime-center
// stage as the council decided it (planned, approved, live). Counts of private cameras are the
// published, suppressed ones.
import { listRolloutDecisions } from "@/db/queries/public/prioritization";
import { formatCount, formatDate } from "@/lib/format/numbers";
import { networkSummary, networksByArea, type InventoryCamera, type PrivateAreaCount } from "@/lib/cameras/networks";
import { NETWORK_LABELS, labelOf } from "@/lib/cameras/vocab";
import { CAMERA_NETWORKS } from "@/lib/vocab";

const ofTotal = (part: number | null, whole: number | null) =>
  part === null || whole === null ? formatCount(null) : `${formatCount(part)} of ${formatCount(whole)}`;

type Stage = { status: string; liveOn: string | null };

/** Each area's latest crime-center (watch center) decision: its stage and live date. */
async function crimeCenterStages(): Promise<Map<string, Stage>> {
  const out = new Map<string, Stage>();
  // Latest first: the first decision seen for an area is its stage.
  for (const d of await listRolloutDecisions())
    if (d.program === "watch_center" && !out.has(d.area)) out.set(d.area, { status: d.status, liveOn: d.live_on });
  return out;
}

function stageText(s: Stage | undefined): string {
  if (!s) return "No decision";
  if (s.status === "live") return s.liveOn ? `Live since ${formatDate(s.liveOn)}` : "Live";
  if (s.status === "approved") return s.liveOn ? `Approved; to go live ${formatDate(s.liveOn)}` : "Approved";
  return "Planned";
}

export async function NetworksSection({
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
  const stages = await crimeCenterStages();
  const count = (st: string) => [...stages.values()].filter((s) => s.status === st).length;
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
      {stages.size > 0 && (
        <p data-testid="crime-center-stages">
          {`Crime centers by ${areaNoun.toLowerCase()}, as the council decided: ${formatCount(count("live"))} live, ${formatCount(count("approved"))} approved, ${formatCount(count("planned"))} planned.`}{" "}
          <a href="/council/prioritization#decisions">Why these, and the votes</a>
        </p>
      )}
      <div className="table-wrap">
        <table className="stack">
          <caption>{`Connected cameras of each network by ${areaNoun.toLowerCase()} (connected of in service)`}</caption>
          <thead>
            <tr>
              <th scope="col">{areaNoun}</th>
              {stages.size > 0 && <th scope="col">Crime center</th>}
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
                {stages.size > 0 && <td data-label="Crime center">{stageText(stages.get(r.areaSlug))}</td>}
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
