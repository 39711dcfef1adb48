// Exports of raw records: the reviewer re-enters a TOTP code; the file is watermarked with
// their name and the time, and the export is logged.
import { exportErrorText } from "../export/errors";
import styles from "../review.module.css";

export function ExportForm({
  dataset,
  params,
}: {
  dataset: "camera_access" | "drone_flight" | "alpr_search";
  params: Record<string, string>;
}) {
  const keep = Object.entries(params).filter(([k]) => !["page", "sort", "dir", "export_error"].includes(k));
  // Set when /review/export sent a refused submission back here.
  const error = exportErrorText(params.export_error);
  const id = `export-code-${dataset}`;
  return (
    <details id={`export-${dataset}`} open={error ? true : undefined}>
      <summary>Export these records (CSV)</summary>
      <form method="post" action="/review/export" className={styles.panel} aria-label="Export records">
        <input type="hidden" name="dataset" value={dataset} />
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={`f_${k}`} value={v} />
        ))}
        <p className="muted">
          Exports of raw records need your current two-step code. The file carries your name and the time, and the
          export is written to the audit log.
        </p>
        <label htmlFor={id}>6-digit code</label>{" "}
        <input
          id={id}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />{" "}
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            Export refused: {error}
          </p>
        ) : null}
        <button type="submit">Download CSV</button>
      </form>
    </details>
  );
}
