// Suppressed counts: "<11" in CSV, null with suppressed: true in JSON, never a number.
// Applied at serialization as a second line of defence behind the publisher's own suppression.
import { rules } from "../publish/rules";
import type { ApiRow, DatasetDef } from "./types";

export const SUPPRESSED_CSV = `<${rules.minCount}`;

/** A count that must not be shown as a number: flagged by the publisher, or 1..k-1 by value. */
export function isHiddenCount(value: unknown, flagged: boolean): boolean {
  if (flagged) return true;
  return typeof value === "number" && value > 0 && value < rules.minCount;
}

/** The row as JSON: suppressible columns become null and the row says suppressed: true. */
export function toJsonRow(def: DatasetDef, row: ApiRow): ApiRow {
  if (!def.suppressible?.length) return row;
  const out: ApiRow = { ...row };
  let hidden = row.suppressed === true;
  for (const col of def.suppressible) {
    if (isHiddenCount(row[col], row.suppressed === true)) {
      out[col] = null;
      hidden = true;
    }
  }
  out.suppressed = hidden;
  return out;
}

/** The row as CSV cells, in column order: suppressed counts become "<11". */
export function toCsvCells(def: DatasetDef, columns: string[], row: ApiRow): string[] {
  if (!def.suppressible?.length) return columns.map((c) => csvValue(row[c]));
  const json = toJsonRow(def, row);
  const hiddenCols = new Set(def.suppressible ?? []);
  return columns.map((c) => {
    const v = json[c];
    if (hiddenCols.has(c) && json.suppressed === true && v === null) return SUPPRESSED_CSV;
    return csvValue(v);
  });
}

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.join(";");
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v) ?? "";
}
