// Plain-words summaries of an import for the CLI and the HTTP API.
import type { RowError } from "./types";

export type ReportInput = {
  status: string;
  dataset: string;
  format: string | null;
  fileName: string;
  position: "line" | "record";
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  created: { agencies: number; personnel: number; cameras: number };
  unmapped?: { value: string; count: number }[];
  warnings?: string[];
  errors: RowError[];
  moreErrors: number;
  fileError?: string;
  ms: number;
  dbWaitMs?: number;
  /** Merged in bulk: the table's plain indexes and foreign keys were built again after the merge. */
  bulk?: boolean;
  mergeMs?: number;
};

export function describeError(e: RowError, position: "line" | "record"): string {
  return `${position} ${e.line}${e.column ? `, column ${e.column}` : ""}: ${e.reason}`;
}

export function reportLines(r: ReportInput): string[] {
  const lines: string[] = [];
  if (r.fileError) lines.push(r.fileError);
  for (const e of r.errors) lines.push(`  ${describeError(e, r.position)}`);
  if (r.moreErrors > 0) lines.push(`  …and ${r.moreErrors} more error${r.moreErrors === 1 ? "" : "s"}`);
  const counts = `${r.rowsRead} rows read: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`;
  const made = Object.entries(r.created)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  const fmt = r.format ? ` as ${r.format}` : "";
  const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const merge =
    r.mergeMs !== undefined
      ? `, ${s1(r.mergeMs)} of it merging into the table${r.bulk ? " in bulk" : ""}`
      : r.bulk
        ? ", merged in bulk"
        : "";
  const secs = `${s1(r.ms)}${r.dbWaitMs !== undefined && r.rowsRead > 10_000 ? `, ${s1(r.dbWaitMs)} of it waiting for the database${merge}` : ""}`;
  switch (r.status) {
    case "succeeded":
      lines.push(
        `Imported ${r.fileName}${fmt} into ${r.dataset}: ${counts} (${secs}).${made ? ` Created ${made}.` : ""}`,
      );
      break;
    case "partial":
      lines.push(
        `Imported the valid rows of ${r.fileName}${fmt} into ${r.dataset}: ${counts} (${secs}).${made ? ` Created ${made}.` : ""}`,
      );
      break;
    case "dry_run":
      lines.push(`Dry run of ${r.fileName}${fmt}: ${counts}. Nothing was changed.`);
      break;
    default:
      lines.push(
        r.fileError
          ? `Nothing was imported from ${r.fileName}.`
          : `Nothing was imported from ${r.fileName}${fmt}: ${r.rejected} of ${r.rowsRead} rows are invalid. Fix them, or use --partial to import the valid rows.`,
      );
  }
  if (r.status !== "failed") lines.push(...noteLines(r));
  return lines;
}

/** Call types imported as "Not yet classified", and other warnings that did not stop a row. */
function noteLines(r: ReportInput): string[] {
  const out = (r.warnings ?? []).map((w) => `Warning: ${w}`);
  const u = r.unmapped ?? [];
  if (u.length) {
    const rows = u.reduce((n, x) => n + x.count, 0);
    out.push(
      `${rows} row${rows === 1 ? "" : "s"} imported as "Not yet classified": ${u.length} call type${u.length === 1 ? " has" : "s have"} no mapping yet (map them at /staff/call-types):`,
      ...u.slice(0, 20).map((x) => `  ${x.count.toString().padStart(6)}  ${x.value || "(blank)"}`),
    );
    if (u.length > 20) out.push(`  …and ${u.length - 20} more`);
  }
  return out;
}
