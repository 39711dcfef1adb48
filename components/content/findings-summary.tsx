// The published review findings in figures: open (small counts suppressed), closed by outcome and
// by program, each closed one listed on /findings. Shared by the council scorecard.
import Link from "next/link";
import type { FindingsSummary } from "@/db/queries/public/findings";
import { formatCount } from "@/lib/format/numbers";

const PROGRAM_LABELS: Record<string, string> = {
  drones: "Drones",
  watch_center: "Cameras and the watch center",
  plate_readers: "Plate readers",
};

export function FindingsSummaryTable(props: { summary: FindingsSummary | null }) {
  const s = props.summary;
  if (!s) return <p>Review findings are not yet published.</p>;
  return (
    <>
      <p>
        Findings open: <strong>{formatCount(s.openSuppressed ? null : s.open)}</strong>; closed with a published
        outcome: <strong>{formatCount(s.closed)}</strong>. <Link href="/findings">Read every closed finding</Link>.
      </p>
      {s.closed > 0 && (
        <table className="stack">
          <caption>Closed review findings by outcome</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" className="num">
                Findings
              </th>
            </tr>
          </thead>
          <tbody>
            {s.byOutcome.map((o) => (
              <tr key={o.outcome}>
                <th scope="row" data-label="Outcome">
                  {o.label}
                </th>
                <td className="num" data-label="Findings">
                  {formatCount(o.n)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {Object.keys(s.byProgram).length > 0 && (
        <p className="muted">
          By program:{" "}
          {Object.entries(s.byProgram)
            .sort()
            .map(([p, n]) => `${PROGRAM_LABELS[p] ?? p} ${formatCount(n)}`)
            .join(" · ")}{" "}
          (a finding may cover records of more than one program).
        </p>
      )}
    </>
  );
}
