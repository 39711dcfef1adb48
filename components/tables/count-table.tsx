// A two-column table of labelled, preformatted figures (a count or a median per row), with an
// optional total row. `stack` turns it into one card per row on phones (each cell labelled). A
// row's `lang` marks a label that is not in the page's language (published English data on a
// Spanish page), so screen readers pronounce it right.
export function CountTable({
  caption,
  header,
  valueHeader,
  rows,
  total,
  stack = false,
}: {
  caption: string;
  header: string;
  valueHeader: string;
  rows: { key: string; label: string; text: string; lang?: string }[];
  total?: { label: string; text: string; lang?: string };
  stack?: boolean;
}) {
  const labelled = (text: string) => (stack ? { "data-label": text } : {});
  const row = (key: string, label: string, text: string, lang?: string) => (
    <tr key={key}>
      <th scope="row" {...labelled(header)}>
        {lang ? <span lang={lang}>{label}</span> : label}
      </th>
      <td className="num" {...labelled(valueHeader)}>
        {text}
      </td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className={stack ? "stack" : undefined}>
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
          {rows.map((r) => row(r.key, r.label, r.text, r.lang))}
          {total && row("*", total.label, total.text, total.lang)}
        </tbody>
      </table>
    </div>
  );
}
