// Applying a format mapping to one row: converters per column, the dataset's zod schema, then its
// checks. Every problem becomes a row error naming the file's column.
import { createHash } from "node:crypto";
import type { ZodError } from "zod";
import { AppError } from "../errors";
import { convert, isBlank, type ConvertContext } from "./converters";
import type { CheckContext, DatasetSpec } from "./datasets/common";
import type { FormatMapping, RowError } from "./types";

/** Fields computed from others: an error about them is reported on the column they came from. */
const DERIVED_FROM: Record<string, string[]> = {
  landedAt: ["durationSec"],
  endedAt: ["durationSec", "updatedAt"],
  destLat: ["destPoint", "path", "destLon"],
  cameraLat: ["cameraLon"],
  lat: ["lon"],
  windowStart: ["window"],
  windowEnd: ["window"],
  externalId: [],
};

export type CompiledMapping = {
  format: FormatMapping;
  /** The file column a record field comes from (for error messages). */
  columnOf(field: string): string;
  map(line: number, cells: unknown[]): { record?: Record<string, unknown>; errors: RowError[] };
};

export function compileMapping(
  format: FormatMapping,
  spec: DatasetSpec<never>,
  header: string[],
  ctx: ConvertContext & CheckContext & { source?: string },
): CompiledMapping {
  const cols = format.columns
    .map((c) => ({ ...c, index: header.indexOf(c.from.trim().toLowerCase()) }))
    .filter((c) => c.index >= 0 && c.to);
  const keyIdx = format.idFromRow
    ? header.map((_, i) => i)
    : (format.naturalKey ?? []).map((k) => header.indexOf(k.trim().toLowerCase()));
  // idFromRow: occurrences of each identical row so far, so the n-th copy gets the n-th id. (A
  // naturalKey names one record: a repeat of its key is the same record again, and the last one wins.)
  const seenKeys = format.idFromRow ? new Map<string, number>() : undefined;
  const columnOf = new Map<string, string>();
  for (const c of format.columns) if (c.to && !columnOf.has(c.to)) columnOf.set(c.to, c.from);
  const colName = (field: string) =>
    columnOf.get(field) ?? (DERIVED_FROM[field] ?? []).map((f) => columnOf.get(f)).find(Boolean) ?? field;

  return {
    format,
    columnOf: colName,
    map(line, cells) {
      const errors: RowError[] = [];
      const rec: Record<string, unknown> = { ...format.defaults };
      for (const c of cols) {
        const v = cells[c.index];
        if (isBlank(v) || rec[c.to!] !== undefined) continue;
        try {
          rec[c.to!] = convert(c.convert, v, ctx);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          errors.push({ line, column: c.from, reason: e.message });
        }
      }
      if (errors.length) return { errors };
      if (rec.source === undefined && (ctx.source || format.source)) rec.source = ctx.source ?? format.source;
      if (keyIdx.length && rec.externalId === undefined)
        rec.externalId = derivedId(
          keyIdx.map((i) => (i >= 0 ? keyText(cells[i]) : "")),
          seenKeys,
        );
      const parsed = spec.schema.safeParse(rec);
      if (!parsed.success) return { errors: zodErrors(parsed.error, rec, line, colName) };
      const record = parsed.data as Record<string, unknown>;
      for (const i of spec.finish(record as never, ctx))
        errors.push({ line, column: colName(i.field), reason: i.reason });
      return errors.length ? { errors } : { record, errors };
    },
  };
}

/** A stable id for a row without one: a hash of its key cells (plus, for whole rows, its occurrence number). */
function derivedId(parts: string[], seen: Map<string, number> | undefined): string {
  const hash = createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, 32);
  if (!seen) return `nk-${hash}`;
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return n === 1 ? `nk-${hash}` : `nk-${hash}-${n}`;
}

function zodErrors(
  err: ZodError,
  rec: Record<string, unknown>,
  line: number,
  colName: (f: string) => string,
): RowError[] {
  return err.issues.map((i) => {
    const field = String(i.path[0] ?? "");
    const missing = rec[field] === undefined;
    return { line, column: colName(field), reason: missing ? "is required but empty" : i.message };
  });
}

/** A cell as text for a derived record key; objects (JSON sources) by content, not "[object Object]". */
function keyText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return (typeof v === "string" ? v : JSON.stringify(v)).trim();
}
