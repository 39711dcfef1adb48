// Data-sharing agreements as published (agency, direction, what is shared, dates).
import { PROGRAM_LABELS, SHARING_DIRECTION_LABELS, labelOf } from "@/lib/cameras/vocab";

type Row = {
  id: number;
  agency: string;
  program: string;
  direction: string;
  dataShared: string;
  startedOn: string;
  endedOn: string | null;
};

export function SharingTable({ rows, caption }: { rows: Row[]; caption: string }) {
  if (rows.length === 0) return <p>No data-sharing agreements are published.</p>;
  return (
    <div className="table-wrap">
      <table className="stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Program</th>
            <th scope="col">Direction</th>
            <th scope="col">What is shared</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label="Agency" style={{ background: "transparent" }}>
                {r.agency}
              </th>
              <td data-label="Program">{labelOf(PROGRAM_LABELS, r.program)}</td>
              <td data-label="Direction">{labelOf(SHARING_DIRECTION_LABELS, r.direction)}</td>
              <td data-label="What is shared">{r.dataShared}</td>
              <td data-label="From">{r.startedOn}</td>
              <td data-label="Until">{r.endedOn ?? "Ongoing"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
