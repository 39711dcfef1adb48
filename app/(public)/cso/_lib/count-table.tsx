// A small two-column table of labelled, preformatted figures.
export function CountTable({
  caption,
  header,
  valueHeader,
  rows,
}: {
  caption: string;
  header: string;
  valueHeader: string;
  rows: { key: string; label: string; text: string }[];
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="num">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
