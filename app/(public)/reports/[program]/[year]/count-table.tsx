import { formatCount } from "@/lib/format/numbers";
import type { CountTable } from "@/lib/reports/annual";

/** A table of counts with its total: "fewer than 11" where the small-count rule hides a number. */
export function CountTableView({ table, what, caption }: { table: CountTable; what: string; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col" className="num">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatCount(r.count)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num">{formatCount(table.total.value)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
