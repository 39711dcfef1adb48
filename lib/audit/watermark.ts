// Watermarking exported raw records: a header line and a column on every row naming who
// exported the file and when, so a copy that leaks can be traced to its export.
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";

export function watermarkText(name: string, email: string, at: Date): string {
  return `Exported by ${name} <${email}> at ${at.toISOString()} from the Daylight review area. Confidential raw records.`;
}

export function watermarkedCsv(
  rows: Record<string, unknown>[],
  columns: string[],
  mark: string,
): { csv: string; sha256: string } {
  const body = stringify(
    rows.map((r) => [...columns.map((c) => cell(r[c])), mark]),
    { header: true, columns: [...columns, "watermark"] },
  );
  const csv = `# ${mark}\n${body}`;
  return { csv, sha256: createHash("sha256").update(csv).digest("hex") };
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v) ?? "";
}
