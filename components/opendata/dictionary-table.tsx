// The data dictionary of one dataset as a table people can read.
import { dictionary } from "@/lib/opendata/dictionary";
import type { DatasetDef } from "@/lib/opendata/types";
import styles from "./opendata.module.css";

export function DictionaryTable({ def }: { def: DatasetDef }) {
  const entries = dictionary(def);
  return (
    <div className="table-wrap">
      <table className={`${styles.dict} stack`}>
        <caption>Data dictionary: {def.title} (the CSV header lists these columns in this order)</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Meaning</th>
            <th scope="col">Allowed values</th>
            <th scope="col">How it was generalized or hidden</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.column}>
              <td data-label="Column">{e.column}</td>
              <td data-label="Type">
                {e.type}
                {e.nullable ? <span className="muted"> (may be empty)</span> : null}
              </td>
              <td data-label="Meaning">{e.meaning}</td>
              <td data-label="Allowed values" className={styles.values}>
                {e.allowedValues ? e.allowedValues.join(", ") : <span className="muted">any</span>}
              </td>
              <td data-label="How it was generalized or hidden">
                {e.privacy ?? <span className="muted">Published as recorded.</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
