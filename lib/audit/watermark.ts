// Watermarking exported raw records: a column on every row naming who exported the file and
// when, so a copy that leaks can be traced to its export. The header stays the first line, so
// the file opens as plain CSV. Times are written in the city's time zone with their offset.
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { zonedIso } from "../time";

export function watermarkText(name: string, email: string, at: Date): string {
  return `Exported by ${name} <${email}> at ${at.toISOString()} from the Daylight review area. Confidential raw records.`;
}

export function watermarkedCsv(
  rows: Record<string, unknown>[],
  columns: string[],
  mark: string,
  timeZone = "UTC",
): { csv: string; sha256: string } {
  const csv = stringify(
    rows.map((r) => [...columns.map((c) => cell(r[c], timeZone)), mark]),
    { header: true, columns: [...columns, "watermark"] },
  );
  return { csv, sha256: createHash("sha256").update(csv).digest("hex") };
}

function cell(v: unknown, timeZone: string): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return zonedIso(v, timeZone);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v) ?? "";
}
