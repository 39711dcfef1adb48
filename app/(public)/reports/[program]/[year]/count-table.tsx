import type { ReactNode } from "react";
import { formatCount, type FormatLocale } from "@/lib/format/numbers";
import type { CountTable } from "@/lib/reports/annual";

/** A table of counts with its total: "fewer than 11" where the small-count rule hides a number. */
export function CountTableView({
  table,
  what,
  caption,
  rowLabel,
  total,
  count,
  locale,
}: {
  table: CountTable;
  what: string;
  caption: string;
  /** A row's words in the page's language. */
  rowLabel: (key: string, label: string) => ReactNode;
  total: string;
  count: string;
  locale: FormatLocale;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col" className="num">
            {count}
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{rowLabel(r.key, r.label)}</th>
            <td className="num">{formatCount(r.count, locale)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{total}</th>
          <td className="num">{formatCount(table.total.value, locale)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
